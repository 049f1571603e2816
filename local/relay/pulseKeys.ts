/**
 * The local tenant's pulse keys (`SE_PULSE_KEYS` of the relay it hosts): a fixed demo key, so the
 * seeded history (written through the relay's own storage, `local/tenant/history/pulse.ts`) and
 * the relay read the same boxes across restarts. `SE_PULSE_KEYS` in the environment replaces it.
 * Never use this key outside the local tenant: in Azure the key is a Key Vault secret
 * (docs/relay.md, "Pulse keys").
 */
export const LOCAL_PULSE_KEYS = 'local-1=LchVV9gOuvsfidqfvkC4VxXaauMcUzOR/rSPMaEXr6k=';

export function localPulseKeys(): string {
  return (process.env.SE_PULSE_KEYS ?? '').trim() || LOCAL_PULSE_KEYS;
}
