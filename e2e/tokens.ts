/** Real tokens, signed the way end users' identity provider and the services sign them. */
import { SignJWT } from "jose";

export interface UserClaims {
  tenantId?: string;
  learnerId?: string;
  /** expiresIn is a jose time span ("10m") or a past epoch second for an expired token. */
  expiresIn?: string | number;
  audience?: string;
  algorithm?: "HS256" | "HS512";
}

export function userToken(jwtSecret: string, claims: UserClaims = {}): Promise<string> {
  const { tenantId = "tenant-a", learnerId = "learner-1", expiresIn = "10m", audience = "aivo-mesh", algorithm = "HS256" } = claims;
  return new SignJWT({ tenant_id: tenantId, learner_id: learnerId })
    .setProtectedHeader({ alg: algorithm })
    .setSubject(`user-${learnerId}`)
    .setIssuer("aivo")
    .setAudience(audience)
    .setIssuedAt(typeof expiresIn === "number" ? expiresIn - 60 : undefined)
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(jwtSecret));
}

export function serviceToken(serviceTokenSecret: string, audience: "brain" | "dispatch", issuer = "e2e"): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(serviceTokenSecret));
}
