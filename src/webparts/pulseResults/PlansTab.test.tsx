/**
 * The plans tab's "New action plan" when who writes could not be read: why, and a 48 px Try again
 * of its own that reads it again and opens the editor (the plans read by the list are not read
 * again for it).
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { PlanDrafts } from '../../core/pulse/plans/drafts';
import { type PlanStore, PlanStoreError } from '../../core/pulse/plans/wire';
import { memoryStore } from '../../core/storage';
import { planWords } from '../../ui/pulsePlans/planWords';
import { hrBody, hrRound12 } from '../../ui/pulseResults/__fakes__/resultsFakes';
import { PlansTab } from './PlansTab';

/** A plan store whose writer read fails while `failing` says so; the list's reads and the "New action plan" reads are told apart. */
class FlakyWriterStore implements PlanStore {
  public reads = 0;
  private failing = false;

  /** From now on, the writer read fails (true) or succeeds. */
  public failFromNow(failing: boolean): void {
    this.failing = failing;
  }

  public published(): ReturnType<PlanStore['published']> {
    return Promise.resolve({ plans: [] });
  }
  public mine(): ReturnType<PlanStore['mine']> {
    this.reads += 1;
    return this.failing ? Promise.reject(new PlanStoreError('unavailable', 'busy')) : Promise.resolve({ writer: { role: 'hr', crews: [] }, plans: [] });
  }
  public save(): ReturnType<PlanStore['save']> {
    return Promise.reject(new Error('not used'));
  }
  public publish(): ReturnType<PlanStore['publish']> {
    return Promise.reject(new Error('not used'));
  }
  public setStatus(): ReturnType<PlanStore['setStatus']> {
    return Promise.reject(new Error('not used'));
  }
}

it('says why a new plan could not be opened, with a 48 px Try again of its own that opens it', async () => {
  const store = new FlakyWriterStore();
  const words = planWords('en-us');
  await act(async () => {
    render(
      <PlansTab
        plans={{ store, drafts: new PlanDrafts(memoryStore(), 'drafts'), me: { name: 'Eva Lind', login: 'eva.lind@contoso.com' } }}
        view={{ rounds: hrBody().rounds, round: hrRound12(), groupKey: 'plant', groups: [{ key: 'plant', text: 'Whole plant' }], role: 'hr' }}
        locale="en-us"
        timeZone="Europe/Stockholm"
      />
    );
  });
  const listReads = store.reads;
  store.failFromNow(true);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: words.newPlan }));
  });
  expect(screen.getByText(words.storeErrors.unavailable)).toBeTruthy();
  expect(screen.queryByRole('heading', { name: words.newPlan })).toBeNull();
  const again = screen.getByRole('button', { name: words.tryAgain });
  expect(again.className).toContain('target');

  store.failFromNow(false);
  await act(async () => {
    fireEvent.click(again);
  });
  expect(store.reads).toBe(listReads + 2);
  expect(screen.getByRole('heading', { name: words.newPlan })).toBeTruthy();
  expect(screen.queryByText(words.storeErrors.unavailable)).toBeNull();
});
