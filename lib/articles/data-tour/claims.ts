/** The data tour checks no article's claims: it shows what the others compute on. */
import type { Claim } from "../../claims/verdict.ts";

export function dataTourClaims(): Claim[] {
  return [];
}
