/**
 * What the seeder knows about each region beyond `data/regions.json`: a rough population (millions, 2022) that
 * weighs where participants live, and districts (시군구) used to place offices.
 */
export interface RegionFacts {
  population: number;
  districts: readonly string[];
}

export const REGION_FACTS: Readonly<Record<string, RegionFacts>> = {
  "11": { population: 9.4, districts: ["중구", "종로구", "강남구", "송파구", "마포구", "노원구", "관악구", "구로구", "영등포구", "강서구", "동대문구", "성북구"] },
  "26": { population: 3.3, districts: ["부산진구", "해운대구", "사하구", "동래구", "북구", "금정구", "연제구", "사상구"] },
  "27": { population: 2.4, districts: ["중구", "수성구", "달서구", "북구", "동구", "달성군"] },
  "28": { population: 3.0, districts: ["남동구", "부평구", "연수구", "계양구", "서구", "미추홀구"] },
  "29": { population: 1.4, districts: ["서구", "북구", "광산구", "남구", "동구"] },
  "30": { population: 1.4, districts: ["서구", "유성구", "중구", "대덕구", "동구"] },
  "31": { population: 1.1, districts: ["남구", "중구", "동구", "북구", "울주군"] },
  "36": { population: 0.4, districts: ["조치원읍", "한솔동", "보람동", "새롬동"] },
  "41": { population: 13.6, districts: ["수원시", "성남시", "고양시", "용인시", "부천시", "안산시", "광명시", "화성시", "남양주시", "안양시", "평택시", "의정부시", "시흥시", "김포시", "파주시"] },
  "51": { population: 1.5, districts: ["춘천시", "원주시", "강릉시", "속초시", "동해시"] },
  "43": { population: 1.6, districts: ["청주시", "충주시", "제천시", "음성군", "진천군"] },
  "44": { population: 2.1, districts: ["천안시", "아산시", "서산시", "당진시", "논산시", "홍성군"] },
  "52": { population: 1.8, districts: ["전주시", "익산시", "군산시", "정읍시", "남원시"] },
  "46": { population: 1.8, districts: ["목포시", "순천시", "여수시", "광양시", "나주시", "무안군"] },
  "47": { population: 2.6, districts: ["포항시", "구미시", "경주시", "경산시", "안동시", "김천시"] },
  "48": { population: 3.3, districts: ["창원시", "김해시", "진주시", "양산시", "거제시", "통영시"] },
  "50": { population: 0.7, districts: ["제주시", "서귀포시"] },
};

/** The facts of region `code`; a region missing here is a mistake in the reference data. */
export function regionFacts(code: string): RegionFacts {
  const facts = REGION_FACTS[code];
  if (!facts) throw new Error(`no population and districts for region ${code}`);
  return facts;
}
