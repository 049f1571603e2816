/**
 * Fault and latency switches, for tests and the benchmark. Set from environment variables at
 * start and changed at run time through `POST /_local/faults` (JSON body with the same names).
 */
export interface FaultSettings {
  /** Added round-trip time per SharePoint or Graph request, in milliseconds. */
  latencyMs: number;
  /** Share of requests (0–1) answered 429 with Retry-After. */
  throttleRate: number;
  /** Seconds in the Retry-After header of a 429 or 503. */
  retryAfterSeconds: number;
  /** Share of requests (0–1) answered 503 with Retry-After. */
  unavailableRate: number;
  /** Share of requests (0–1) whose connection is dropped without an answer. */
  dropRate: number;
  /** Only requests whose path contains this text are affected (empty = all; the admin endpoint never). */
  pathFilter: string;
  /** Answer the next N matching requests with 429 regardless of rates (deterministic tests). */
  throttleNext: number;
  /** Drop the next N matching requests regardless of rates (deterministic tests). */
  dropNext: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  unavailableRate: 0,
  dropRate: 0,
  pathFilter: '',
  throttleNext: 0,
  dropNext: 0
};

const ENV_NAMES: Record<keyof FaultSettings, string> = {
  latencyMs: 'LOCAL_TENANT_LATENCY_MS',
  throttleRate: 'LOCAL_TENANT_THROTTLE_RATE',
  retryAfterSeconds: 'LOCAL_TENANT_RETRY_AFTER',
  unavailableRate: 'LOCAL_TENANT_UNAVAILABLE_RATE',
  dropRate: 'LOCAL_TENANT_DROP_RATE',
  pathFilter: 'LOCAL_TENANT_FAULT_PATH',
  throttleNext: 'LOCAL_TENANT_THROTTLE_NEXT',
  dropNext: 'LOCAL_TENANT_DROP_NEXT'
};

function isRate(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

/** Validates a partial update; returns the merged settings or a message naming the bad field. */
export function mergeFaults(
  current: FaultSettings,
  update: Record<string, unknown>
): FaultSettings | string {
  const next: FaultSettings = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (!(key in NO_FAULTS)) {
      return `Unknown fault setting "${key}".`;
    }
    const name = key as keyof FaultSettings;
    if (name === 'pathFilter') {
      if (typeof value !== 'string') {
        return 'pathFilter must be a string.';
      }
      next.pathFilter = value;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return `${name} must be a number of at least 0.`;
    }
    if ((name === 'throttleRate' || name === 'unavailableRate' || name === 'dropRate') && !isRate(value)) {
      return `${name} must be between 0 and 1.`;
    }
    next[name] = value;
  }
  return next;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultSettings {
  const update: Record<string, unknown> = {};
  for (const [key, envName] of Object.entries(ENV_NAMES)) {
    const raw = env[envName];
    if (raw !== undefined && raw !== '') {
      update[key] = key === 'pathFilter' ? raw : Number(raw);
    }
  }
  const merged = mergeFaults(NO_FAULTS, update);
  if (typeof merged === 'string') {
    throw new Error(`Fault settings from the environment: ${merged}`);
  }
  return merged;
}

export type FaultDecision = 'pass' | 'throttle' | 'unavailable' | 'drop';

/** Decides what happens to one request; counts down the deterministic `...Next` switches. */
export function decideFault(settings: FaultSettings, path: string, random: () => number): FaultDecision {
  if (path.startsWith('/_local/') || (settings.pathFilter && !path.includes(settings.pathFilter))) {
    return 'pass';
  }
  if (settings.dropNext > 0) {
    settings.dropNext -= 1;
    return 'drop';
  }
  if (settings.throttleNext > 0) {
    settings.throttleNext -= 1;
    return 'throttle';
  }
  if (settings.dropRate > 0 && random() < settings.dropRate) {
    return 'drop';
  }
  if (settings.throttleRate > 0 && random() < settings.throttleRate) {
    return 'throttle';
  }
  if (settings.unavailableRate > 0 && random() < settings.unavailableRate) {
    return 'unavailable';
  }
  return 'pass';
}

/** What a throttled or unavailable request is answered with (HTTP and inside a Graph batch). */
export const FAULT_ANSWERS: Readonly<Record<'throttle' | 'unavailable', { status: number; code: string; message: string }>> = {
  throttle: {
    status: 429,
    code: 'TooManyRequests',
    message: 'The request has been throttled. Retry after the time in Retry-After.'
  },
  unavailable: {
    status: 503,
    code: 'ServiceUnavailable',
    message: 'The service is temporarily unavailable. Retry after the time in Retry-After.'
  }
};
