/**
 * A pretend browser for route tests over `app.inject`: keeps its cookies the way a browser would
 * (set, replaced, cleared), sends its page's Origin, and comes from its own address, so throttling
 * and rate limits per address can be tested side by side.
 */
import type { FastifyInstance } from 'fastify';

/** One cookie as a response set it. */
export interface SetCookie {
  readonly name: string;
  readonly value: string;
  readonly path?: string;
  readonly maxAge?: number;
  readonly expires?: Date;
  readonly httpOnly?: boolean;
  readonly secure?: boolean;
  readonly sameSite?: string;
}

/** A reply as a test reads it. */
export interface BrowserReply<T> {
  readonly status: number;
  /** Parsed JSON, or null for an empty body. */
  readonly body: T;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly setCookies: readonly SetCookie[];
}

/** A browser with a cookie jar, talking to one app. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    readonly origin: string,
    readonly address: string,
  ) {}

  /** Sends a request like a page of `origin` would, and keeps what it sets. */
   
  async call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<BrowserReply<T>> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.address,
      headers: {
        origin: this.origin,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      cookies: Object.fromEntries(this.cookies),
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const setCookies = response.cookies as SetCookie[];
    for (const cookie of setCookies) {
      const cleared = cookie.value === '' || cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return {
      status: response.statusCode,
      body: (response.body === '' ? null : JSON.parse(response.body)) as T,
      headers: response.headers,
      setCookies,
    };
  }

  /** A second browser that starts with a copy of this one's cookies (a stolen or copied cookie). */
  copy(address = this.address): TestBrowser {
    const other = new TestBrowser(this.app, this.origin, address);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }
}
