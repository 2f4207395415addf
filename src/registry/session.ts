import type { SourceOptions } from '../image/types.js';
import { RegistryClient } from './client.js';
import { findCredential } from './credentials.js';
import { endpointFor } from './endpoint.js';
import { HttpClient } from './http.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';

/**
 * One client per registry for a run: both images of a diff share its connections, its scheme
 * negotiation (and so its notices) and its tokens. A run is one `options.registry` object.
 */
const sessions = new WeakMap<object, Map<string, RegistryClient>>();

export function clientFor(registry: string, options: SourceOptions, retry: RetryPolicy = DEFAULT_RETRY): RegistryClient {
  let clients = sessions.get(options.registry);
  if (clients === undefined) {
    clients = new Map();
    sessions.set(options.registry, clients);
  }
  let client = clients.get(registry);
  if (client === undefined) {
    const endpoint = endpointFor(registry, options.registry);
    client = new RegistryClient(endpoint, {
      http: new HttpClient(endpoint),
      retry,
      notice: options.notice,
      findCredential: (repository) => findCredential(registry, { env: options.env, registry: options.registry, repository }),
    });
    clients.set(registry, client);
  }
  return client;
}
