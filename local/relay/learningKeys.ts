/**
 * The local tenant's learning keys (`SE_LEARNING_KEYS` of the relay it hosts): a fixed demo key,
 * so the seeded quizzes' answer keys (sealed by the seed with the relay's own function,
 * `local/tenant/history/learning.ts`) and the relay open the same envelopes across restarts.
 * `SE_LEARNING_KEYS` in the environment replaces it. Never use this key outside the local tenant:
 * in Azure the key is a Key Vault secret (docs/relay.md, "Learning keys").
 */
export const LOCAL_LEARNING_KEYS = 'local-learning-1=tDiUL1GWvwStbCOqdH/QWGeMHG06NH5lttqLmEGZJKs=';

export function localLearningKeys(): string {
  return (process.env.SE_LEARNING_KEYS ?? '').trim() || LOCAL_LEARNING_KEYS;
}
