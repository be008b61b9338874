/** Where a fake vendor sends its change webhooks, and the secret it signs them with. */
export interface WebhookTarget {
  /** Absolute URL, e.g. `http://127.0.0.1:4000/webhooks/shopify`. */
  readonly url: string;
  readonly secret: string;
}

/** One delivery as the fake made it (for tests and the banner): what was sent and how the receiver answered. */
export interface WebhookDelivery {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The receiver's status; null when it could not be reached. */
  readonly status: number | null;
  readonly error: string | null;
}

/** A signed delivery, built by the vendor-specific signer. */
export interface SignedWebhook {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * How a fake vendor sends change webhooks like the vendor would: after the change is answered, one POST per
 * delivery, signed by the vendor's scheme, no retries. Off until {@link WebhookSender.configure} names a target.
 */
export interface WebhookSender {
  configure(target: WebhookTarget | null): void;
  /** Sends asynchronously (never throws, never delays the caller); no-op without a target. */
  send(sign: (secret: string) => SignedWebhook): void;
  /** Resolves when every delivery started so far has finished. */
  idle(): Promise<void>;
  /** Deliveries made so far, oldest first (at most the last 200). */
  deliveries(): WebhookDelivery[];
}

const MAX_KEPT = 200;
const TIMEOUT_MS = 5_000;

/** A sender for one fake server (global fetch over loopback). */
export function createWebhookSender(): WebhookSender {
  let target: WebhookTarget | null = null;
  const pending = new Set<Promise<void>>();
  const log: WebhookDelivery[] = [];
  const keep = (delivery: WebhookDelivery): void => {
    log.push(delivery);
    if (log.length > MAX_KEPT) log.splice(0, log.length - MAX_KEPT);
  };
  return {
    configure(next) {
      target = next;
    },
    send(sign) {
      const to = target;
      if (!to) return;
      const signed = sign(to.secret);
      // After the current answer is written, as vendors send webhooks after the change is committed.
      const delivery = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => fetch(to.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed.headers }, body: signed.body, signal: AbortSignal.timeout(TIMEOUT_MS) }))
        .then(async (res) => {
          await res.arrayBuffer();
          keep({ url: to.url, headers: signed.headers, body: signed.body, status: res.status, error: null });
        })
        .catch((error: unknown) => keep({ url: to.url, headers: signed.headers, body: signed.body, status: null, error: error instanceof Error ? error.message : String(error) }))
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    deliveries: () => [...log],
  };
}
