import { parsedAnswers, servedJson, servedResult } from "./report-answers";

const JSON_TEXT = '{"errors":[{"message":"withheld","extensions":{"code":"SUPPRESSED"}}],"data":{"programBreakdown":{"year":2022}}}';

describe("a cached report answer", () => {
  it("is sent as stored while the response is still exactly it, and serialized otherwise", async () => {
    const answer = await parsedAnswers().keep("k", JSON_TEXT, 60);
    const result = servedResult(answer);
    expect(servedJson({ errors: result.errors, data: result.data })).toBe(JSON_TEXT);
    // another response: another error list, an extension added, another data object
    expect(servedJson({ errors: [], data: result.data })).toBeUndefined();
    expect(servedJson({ errors: result.errors, data: result.data, extensions: { cost: 1 } })).toBeUndefined();
    expect(servedJson({ errors: result.errors, data: { programBreakdown: { year: 2022 } } })).toBeUndefined();
  });

  it("is frozen: the hits that share it cannot change it", async () => {
    const { result } = await parsedAnswers().keep("k", JSON_TEXT, 60);
    expect(() => {
      (result.data as { programBreakdown: { year: number } }).programBreakdown.year = 2023;
    }).toThrow(TypeError);
    expect(await parsedAnswers().get("k")).toBeUndefined();
  });
});
