/** The emulated platform's state and services that every route handler works with. */
import type { EmulatorClock } from './clock';
import type { Store } from './store';
import { AppModels } from './tasks/appModels';
import { TaskEngine } from './tasks/engine';
import type { Variants } from './variants';
import { listDefault } from './http/answers';

export class EmulatedPlatform {
  readonly models = new AppModels();
  readonly engine: TaskEngine;
  private taskCounter = 0;

  constructor(
    readonly store: Store,
    readonly clock: EmulatorClock,
    readonly failShare: number,
    /** The unknowns this run plays one way (variants.ts); changed in place by setVariant. */
    readonly variants: Variants,
  ) {
    this.engine = new TaskEngine(
      store,
      (appId) => {
        const app = this.appByFullId(appId);
        return app ? this.models.facts(app) : { steps: ['main'], outputIds: [], isArrayInput: () => false };
      },
      failShare,
      variants,
    );
  }

  /** A key for the next task id (ids are UUIDs derived from it, so runs are repeatable). */
  nextTaskKey(): string {
    return `task/${this.taskCounter++}`;
  }

  /** The app for an id with revision (`owner/project/app/3`). */
  appByFullId(appId: string) {
    const match = /^(.+)\/(\d+)$/.exec(appId);
    return match ? this.store.app(match[1], Number(match[2])) : this.store.app(appId);
  }

  /** The subset list items are cut to without `fields` (none under `list-fields=all`). */
  listDefault(subset: readonly string[]): readonly string[] | undefined {
    return listDefault(this.variants, subset);
  }

  /** Applies everything due up to the clock's now. */
  catchUp(): void {
    this.engine.runDue(this.clock.now());
  }
}
