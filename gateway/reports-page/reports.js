/* The /reports page's script: runs in the browser, served as it is by the gateway (no build step, no CDN). */
/* global document, sessionStorage, fetch, URL, URLSearchParams, Blob, Chart, setTimeout */
(function () {
  "use strict";

  /** sessionStorage: the token lives as long as this tab, as GraphiQL's headers do when not persisted. */
  const TOKEN_KEY = "njsp.reports.token";
  /** The program began in 2021 (Act of 2020-06-09, in force 2021-01-01): years before it can hold no data. */
  const FIRST_PROGRAM_YEAR = 2021;
  const COLORS = ["#0b6bcb", "#e8710a", "#1e8e3e", "#d93025", "#9334e6", "#12a4af", "#f538a0", "#7b5800", "#5f6368", "#185abc"];

  const $ = (id) => document.getElementById(id);
  const ui = {
    tokenForm: $("token-form"),
    token: $("token"),
    forget: $("forget"),
    queryForm: $("query-form"),
    year: $("year"),
    by1: $("by1"),
    by2: $("by2"),
    figure: $("figure"),
    show: $("show"),
    download: $("download"),
    status: $("status"),
    chartSection: $("chart-section"),
    tableSection: $("table-section"),
    table: $("table"),
    canvas: $("chart"),
  };

  /** Set by /reports/assets/breakdown.json: the contract's operation text and the CSV's own column words. */
  let config = null;
  let chart = null;
  let shown = null;
  /** Only the latest request's answer is drawn: an earlier one arriving late is dropped. */
  let sequence = 0;

  function setStatus(text, isError) {
    ui.status.textContent = text;
    ui.status.className = isError ? "error" : "";
  }

  /** The token as pasted: bare, `Bearer …`, or npm start's `{"Authorization": "Bearer …"}`. */
  function tokenOf(text) {
    let value = text.trim();
    if (value.startsWith("{")) {
      try {
        const headers = JSON.parse(value);
        value = String(headers.Authorization || headers.authorization || "");
      } catch {
        return "";
      }
    }
    return value.replace(/^Bearer\s+/i, "").trim();
  }

  const token = () => sessionStorage.getItem(TOKEN_KEY) || "";
  const authorization = () => ({ Authorization: "Bearer " + token() });

  /** What the graph refused, in its own words (message and code). */
  function refusal(body, status) {
    const error = body && body.errors && body.errors[0];
    return error ? error.message + " (" + ((error.extensions && error.extensions.code) || "HTTP " + status) + ")" : "HTTP " + status;
  }

  async function runBreakdown(year, by) {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: Object.assign({ "Content-Type": "application/json", Accept: "application/json" }, authorization()),
      body: JSON.stringify({ query: config.operation, operationName: "ProgramBreakdown", variables: { year: year, by: by } }),
    });
    const body = await response.json().catch(() => null);
    const errors = ((body && body.errors) || []).filter((e) => !e.extensions || e.extensions.code !== "SUPPRESSED");
    if (!response.ok || errors.length > 0) throw new Error(refusal({ errors: errors }, response.status));
    return body.data.programBreakdown;
  }

  function option(value, text) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function fillPickers() {
    for (const dimension of config.dimensions) {
      ui.by1.append(option(dimension.name, dimension.header));
      ui.by2.append(option(dimension.name, dimension.header));
    }
    ui.by2.prepend(option("", "(없음)"));
    ui.by2.value = "";
    for (const figure of config.figures) ui.figure.append(option(figure.name, figure.header));
    ui.figure.value = "employed";
    ui.by1.addEventListener("change", excludeFirstFromSecond);
    excludeFirstFromSecond();
  }

  /** Two different dimensions or one: the second picker never offers the first's. */
  function excludeFirstFromSecond() {
    for (const element of ui.by2.options) element.disabled = element.value !== "" && element.value === ui.by1.value;
    if (ui.by2.value === ui.by1.value) ui.by2.value = "";
  }

  /**
   * The years with data: each year from the program's start to this one is asked for (the same contract
   * operation, by quarter, the smallest answer); a year outside the data is null. Newest first.
   */
  async function loadYears() {
    const candidates = [];
    for (let year = new Date().getFullYear(); year >= FIRST_PROGRAM_YEAR; year -= 1) candidates.push(year);
    setStatus("자료가 있는 연도를 확인하는 중…");
    const answers = await Promise.all(candidates.map((year) => runBreakdown(year, ["QUARTER"])));
    const years = candidates.filter((_, i) => answers[i] !== null);
    ui.year.replaceChildren(...years.map((year) => option(String(year), String(year))));
    if (years.length === 0) throw new Error("자료가 있는 연도가 없습니다.");
    ui.show.disabled = false;
    ui.download.disabled = false;
    setStatus("");
  }

  function chosen() {
    const by = [ui.by1.value];
    if (ui.by2.value) by.push(ui.by2.value);
    return { year: Number(ui.year.value), by: by };
  }

  const headerOf = (name) => config.dimensions.find((d) => d.name === name).header;
  const figureOf = (name) => config.figures.find((f) => f.name === name);

  /** A cell's value on one dimension, in the CSV's words (gateway/src/reports/breakdown-labels.ts). */
  function dimensionValue(key, dimension) {
    const label = (value) => (value === null ? "" : config.values[value] || value);
    switch (dimension) {
      case "REGION":
        return key.region ? key.region.name : "";
      case "EMPLOYMENT_CENTER":
        return key.employmentCenter ? key.employmentCenter.name : "";
      case "TRACK":
        return label(key.track);
      case "AGE_BAND":
        return label(key.ageBand);
      case "GENDER":
        return label(key.gender);
      case "QUARTER":
        return key.quarter === null ? "" : String(key.quarter);
      default:
        return key.month === null ? "" : String(key.month);
    }
  }

  /** Counts grouped in thousands, shares as percentages, days with one decimal, won in full. */
  function formatFigure(name, value) {
    if (figureOf(name).rate) return (value * 100).toLocaleString("ko-KR", { maximumFractionDigits: 1 }) + "%";
    if (name === "medianDaysToEmployment") return value.toLocaleString("ko-KR", { maximumFractionDigits: 1 });
    return value.toLocaleString("ko-KR", { maximumFractionDigits: 0 });
  }

  function figureCell(name, value, suppressed) {
    const td = document.createElement("td");
    td.className = "figure";
    td.dataset.figure = name;
    if (value === null) {
      td.textContent = suppressed ? "—" : "·";
      td.classList.add(suppressed ? "suppressed" : "undefined");
      td.title = suppressed ? "비공개" : "해당 없음";
    } else {
      td.dataset.value = String(value);
      td.textContent = formatFigure(name, value);
    }
    return td;
  }

  function renderTable(breakdown) {
    const head = document.createElement("tr");
    for (const text of breakdown.by.map(headerOf).concat(config.figures.map((f) => f.header))) {
      const th = document.createElement("th");
      th.textContent = text;
      head.append(th);
    }
    const rows = breakdown.cells.map((cell) => {
      const tr = document.createElement("tr");
      tr.dataset.key = breakdown.by.map((d) => dimensionValue(cell.key, d)).join("|");
      if (cell.suppressed) tr.dataset.suppressed = "true";
      for (const dimension of breakdown.by) {
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = dimensionValue(cell.key, dimension);
        tr.append(th);
      }
      for (const figure of config.figures) tr.append(figureCell(figure.name, cell[figure.name], cell.suppressed));
      return tr;
    });
    const total = document.createElement("tr");
    total.className = "total";
    total.dataset.key = "total";
    breakdown.by.forEach((_, i) => {
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = i === 0 ? config.totalLabel : "";
      total.append(th);
    });
    for (const figure of config.figures) total.append(figureCell(figure.name, breakdown.total[figure.name], false));
    const thead = document.createElement("thead");
    thead.append(head);
    const tbody = document.createElement("tbody");
    tbody.append(...rows, total);
    ui.table.replaceChildren(thead, tbody);
    ui.table.dataset.year = String(breakdown.year);
    ui.table.dataset.by = breakdown.by.join(",");
    ui.tableSection.hidden = false;
  }

  /** Bars of the chosen figure by the first dimension, one series per value of the second; withheld bars are gaps. */
  function renderChart(breakdown) {
    const figure = figureOf(ui.figure.value);
    const [first, second] = breakdown.by;
    const labels = [];
    const seriesNames = [];
    const values = new Map();
    for (const cell of breakdown.cells) {
      const label = dimensionValue(cell.key, first);
      const series = second ? dimensionValue(cell.key, second) : figure.header;
      if (!labels.includes(label)) labels.push(label);
      if (!seriesNames.includes(series)) seriesNames.push(series);
      values.set(label + "\u0000" + series, cell[figure.name]);
    }
    const datasets = seriesNames.map((series, i) => ({
      label: series,
      backgroundColor: COLORS[i % COLORS.length],
      data: labels.map((label) => {
        const value = values.get(label + "\u0000" + series);
        return value === undefined || value === null ? null : figure.rate ? value * 100 : value;
      }),
    }));
    if (chart) chart.destroy();
    ui.chartSection.hidden = false;
    chart = new Chart(ui.canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          title: { display: true, text: breakdown.year + "년 " + figure.header + (figure.rate ? " (%)" : "") },
          legend: { display: Boolean(second) },
        },
        scales: { x: { title: { display: true, text: headerOf(first) } }, y: { beginAtZero: true } },
      },
    });
    ui.canvas.dataset.figure = figure.name;
    ui.canvas.dataset.drawn = "true";
  }

  async function show() {
    const asked = chosen();
    const mine = ++sequence;
    setStatus("불러오는 중…");
    try {
      const breakdown = await runBreakdown(asked.year, asked.by);
      if (mine !== sequence) return;
      if (!breakdown) throw new Error(asked.year + "년의 자료가 없습니다.");
      shown = breakdown;
      renderTable(breakdown);
      renderChart(breakdown);
      setStatus(breakdown.cells.length + "개 항목");
    } catch (error) {
      if (mine === sequence) setStatus(error.message, true);
    }
  }

  /** The file from the CSV route, fetched with the token (a plain link could not send it) and saved as the server names it. */
  async function download() {
    const asked = chosen();
    const query = new URLSearchParams({ year: String(asked.year), by: asked.by.join(",") });
    try {
      const response = await fetch("/reports/program-breakdown.csv?" + query.toString(), { headers: authorization() });
      if (!response.ok) throw new Error(refusal(await response.json().catch(() => null), response.status));
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
      const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name ? name[1] : "program-breakdown.csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  async function start() {
    if (!token()) {
      setStatus("토큰을 입력하세요.");
      return;
    }
    try {
      await loadYears();
      await show();
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  ui.tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = tokenOf(ui.token.value);
    if (!value) {
      setStatus("토큰을 읽을 수 없습니다.", true);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    ui.token.value = "";
    ui.token.placeholder = "저장됨 (이 탭에서만)";
    void start();
  });
  ui.forget.addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    ui.token.placeholder = "Bearer eyJ… (npm run token -- --role ANALYST)";
    ui.show.disabled = true;
    ui.download.disabled = true;
    setStatus("토큰을 지웠습니다.");
  });
  ui.queryForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void show();
  });
  ui.figure.addEventListener("change", () => shown && renderChart(shown));
  ui.download.addEventListener("click", () => void download());

  fetch("/reports/assets/breakdown.json")
    .then((response) => response.json())
    .then((loaded) => {
      config = loaded;
      fillPickers();
      if (token()) ui.token.placeholder = "저장됨 (이 탭에서만)";
      return start();
    })
    .catch((error) => setStatus(error.message, true));
})();
