import type { Random } from "../random/random";

/** Occupations participants aim for and find (한국고용직업분류 wording). */
export const OCCUPATIONS = [
  "사무보조원",
  "회계사무원",
  "경리사무원",
  "자재·구매사무원",
  "총무사무원",
  "고객상담원",
  "영업원",
  "판매원",
  "매장관리원",
  "물류관리원",
  "택배원",
  "배송기사",
  "지게차운전원",
  "제조종사원",
  "자동차부품 조립원",
  "전자부품 조립원",
  "품질검사원",
  "기계조작원",
  "용접원",
  "건설현장 사무원",
  "경비원",
  "청소원",
  "조리사",
  "조리보조원",
  "제과제빵사",
  "바리스타",
  "요양보호사",
  "간호조무사",
  "사회복지사",
  "보육교사",
  "방과후강사",
  "웹디자이너",
  "웹개발자",
  "소프트웨어 개발자",
  "데이터 분석가",
  "시각디자이너",
  "영상편집원",
  "마케팅 사무원",
  "호텔 프런트 사무원",
  "미용사",
  "물리치료사 보조",
  "병원 코디네이터",
] as const;

/** Counselling topics in the order a case usually moves through them. */
export const FIRST_TOPIC = "초기상담";
export const PLAN_TOPIC = "취업활동계획 수립";
export const AFTER_EMPLOYMENT_TOPIC = "취업 후 적응 상담";
export const MIDDLE_TOPICS = [
  "직업심리검사 해석",
  "이력서 클리닉",
  "자기소개서 클리닉",
  "모의면접",
  "구직활동 점검",
  "직업훈련 상담",
  "일경험 연계 상담",
  "취업알선 상담",
  "구직촉진수당 안내",
  "심리안정 상담",
  "복지서비스 연계 상담",
] as const;

/** 민간위탁기관 running caseloads for employment centers; the first two appear in the press release. */
export const CONTRACTED_AGENCIES = [
  "잡모아인천",
  "이노스잡",
  "휴먼잡스",
  "일자리드림",
  "희망일터",
  "커리어브릿지",
  "다온잡",
  "잡플러스",
] as const;

const COMPANY_STEMS = [
  "한빛",
  "대성",
  "세진",
  "동양",
  "미래",
  "성원",
  "일진",
  "청운",
  "금강",
  "서광",
  "태양",
  "우리",
  "한결",
  "새한",
  "대원",
  "삼익",
  "동아",
  "극동",
  "영진",
  "신흥",
  "보광",
  "해솔",
  "누리",
  "다올",
  "지성",
  "정우",
  "한솔",
  "대명",
] as const;
const COMPANY_TRADES = [
  "정밀",
  "산업",
  "물류",
  "테크",
  "식품",
  "전자",
  "건설",
  "푸드",
  "시스템",
  "메디칼",
  "엔지니어링",
  "디자인",
  "유통",
  "케미칼",
  "기계",
  "오토텍",
  "에너지",
  "소프트",
  "F&B",
  "인쇄",
  "섬유",
  "금속",
  "복지재단",
  "의료재단",
] as const;

/** An employer's name such as `(주)한빛정밀` or `세진물류 주식회사`. */
export function companyName(rng: Random): string {
  const name = rng.pick(COMPANY_STEMS) + rng.pick(COMPANY_TRADES);
  const form = rng.int(0, 5);
  return form === 0 ? `(주)${name}` : form === 1 ? `${name} 주식회사` : form === 2 ? `주식회사 ${name}` : name;
}

/** Counselling for those whose service ended without a job (사후관리). */
export const FOLLOW_UP_TOPIC = "사후관리 상담";
