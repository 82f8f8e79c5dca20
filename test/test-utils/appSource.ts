/**
 * A platform data source that answers only `getApp`, counting the calls: what the app-model cache
 * asks of it. Every other lookup rejects, so a test notices if the cache starts asking them.
 */
import type { App } from '../../platform/src/types';
import type { PlatformData } from '../../server/src/data/platformData';

export type CountedSource = PlatformData & { calls: number };

export function appSource(apiBase: string | undefined, getApp: (appId: string, revision?: number) => Promise<App>): CountedSource {
  const unused = () => Promise.reject(new Error('unused'));
  const data: CountedSource = {
    apiBase,
    calls: 0,
    getApp: (appId, revision) => {
      data.calls++;
      return getApp(appId, revision);
    },
    getProject: unused,
    listProjects: unused,
    listApps: unused,
    listFiles: unused,
    bulkGetFiles: unused,
  };
  return data;
}
