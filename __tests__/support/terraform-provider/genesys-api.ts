/**
 * The Genesys Cloud API calls the oauth_client resource makes, with the provider's retry behaviour: 429 (after
 * Retry-After) and 5xx are retried, other errors returned with Genesys's message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiClientBody {
  id?: string;
  name: string;
  description?: string;
  accessTokenValiditySeconds?: number;
  authorizedGrantType: string;
  registeredRedirectUri?: string[];
  scope?: string[];
  roleDivisions?: { roleId: string; divisionId?: string }[];
  state?: string;
  secret?: string;
}

/** The fields of GET /api/v2/organizations/me that genesyscloud_organizations_me reads. */
export interface ApiOrganization {
  id: string;
  name: string;
  defaultLanguage?: string;
  defaultCountryCode?: string;
  domain?: string;
  defaultSiteId?: string;
  thirdPartyOrgName?: string;
  voicemailEnabled?: boolean;
  productPlatform?: string;
  supportURI?: string;
}

const MAX_ATTEMPTS = 6;

export class GenesysApi {
  private token = "";

  constructor(
    private readonly loginUrl: string,
    private readonly apiUrl: string,
    private readonly log: (line: string) => void,
  ) {}

  async login(clientId: string, clientSecret: string): Promise<void> {
    const response = await this.send(this.loginUrl, "POST", "/oauth/token", "grant_type=client_credentials", {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    });
    this.token = (response as { access_token: string }).access_token;
  }

  organization() {
    return this.call("GET", "/api/v2/organizations/me") as Promise<ApiOrganization>;
  }
  get(id: string) {
    return this.call("GET", `/api/v2/oauth/clients/${encodeURIComponent(id)}`) as Promise<ApiClientBody>;
  }
  list() {
    return this.call("GET", "/api/v2/oauth/clients") as Promise<{ entities: ApiClientBody[] }>;
  }
  create(body: ApiClientBody) {
    return this.call("POST", "/api/v2/oauth/clients", body) as Promise<ApiClientBody>;
  }
  update(id: string, body: ApiClientBody) {
    return this.call("PUT", `/api/v2/oauth/clients/${encodeURIComponent(id)}`, body) as Promise<ApiClientBody>;
  }
  remove(id: string) {
    return this.call("DELETE", `/api/v2/oauth/clients/${encodeURIComponent(id)}`);
  }

  private call(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.send(this.apiUrl, method, path, body === undefined ? undefined : JSON.stringify(body), {
      authorization: `Bearer ${this.token}`,
      "content-type": "application/json",
    });
  }

  private async send(base: string, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(base + path, { method, body, headers });
      const text = await response.text();
      if (response.ok) return text ? JSON.parse(text) : undefined;
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt === MAX_ATTEMPTS) {
        let message = text;
        try {
          message = JSON.parse(text).message ?? text;
        } catch {
          // not JSON
        }
        throw new ApiError(response.status, `${method} ${path}: ${response.status} ${message}`);
      }
      const retryAfter = Number(response.headers.get("retry-after"));
      const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 100 * 2 ** attempt;
      this.log(`${method} ${path}: ${response.status}, retry ${attempt} in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
