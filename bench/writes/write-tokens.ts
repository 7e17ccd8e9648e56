import type { Role } from "@lib/auth/roles";

/** Signs a token for a role at an office (`org`) as user `sub`: the launcher's keys, or the tests' secret. */
export type SignToken = (role: Role, org: number | null, sub: string) => Promise<string>;

/**
 * The tokens of the people the write phase writes as, signed once before anything is timed: a counsellor writes for
 * their own caseload (`sub` is the counsellor's id), a center's manager for every case of the center.
 */
export class WriterTokens {
  private readonly signed = new Map<string, string>();

  constructor(private readonly sign: SignToken) {}

  async counselor(counselorId: number, centerId: number): Promise<string> {
    return this.token("COUNSELOR", centerId, String(counselorId));
  }

  async manager(centerId: number): Promise<string> {
    return this.token("CENTER_MANAGER", centerId, `bench-manager-${centerId}`);
  }

  /** How many distinct tokens were signed. */
  get count(): number {
    return this.signed.size;
  }

  private async token(role: Role, org: number, sub: string): Promise<string> {
    const key = `${role}/${org}/${sub}`;
    let token = this.signed.get(key);
    if (token === undefined) {
      token = await this.sign(role, org, sub);
      this.signed.set(key, token);
    }
    return token;
  }
}
