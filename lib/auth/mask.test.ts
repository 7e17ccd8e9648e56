import { maskName } from "./mask";

describe("maskName", () => {
  it.each([
    ["홍길동", "홍*동"],
    ["김철", "김*"],
    ["이", "*"],
    ["남궁민수", "남궁*수"],
    ["황보영", "황보*"],
    ["박지성민", "박**민"],
    ["  최영 ", "최*"],
    ["", ""],
  ])("%j → %j", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it("keeps the family name and never the whole given name", () => {
    for (const name of ["김민준", "이서연", "박도윤", "남궁은비"]) {
      const masked = maskName(name);
      expect(masked).not.toBe(name);
      expect(masked.startsWith(name.startsWith("남궁") ? "남궁" : name[0])).toBe(true);
      expect(masked).toContain("*");
    }
  });
});
