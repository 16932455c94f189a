// Model-based sync test (issue #4): several simulated clerks' PCs — each a fake-indexeddb ledger with the real
// InvoiceRepository and the real sync engine — make random creates, edits, deletes and restores, and sync through
// the fault proxy against the real server (SQLite and PostgreSQL). After quiescence the invariants must hold.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import type { LoggedMutation } from '../../server/store/store';
import { fen } from '../../shared/domain/money';
import type { InvoiceId } from '../../shared/domain/invoice';
import type { WireMutation } from '../../shared/sync/protocol';
import { sampleContent } from '../../renderer/db/sync-fixtures';
import { NO_FAULTS, seededRandom, startFaultProxy, type FaultRates } from './fault-proxy';
import { addCode, backends, Device } from './server-harness';
import { checkInvariants, type Tally } from './sync-model-invariants';
import { makePc, serverView, type Pc } from './sync-pc';

const RUNS = Number(process.env['FAPIAO_MODEL_RUNS'] ?? '10');
const SEED = Number(process.env['FAPIAO_MODEL_SEED'] ?? String(Date.now() % 2_147_483_647));
const DEVICES = 3;
const RATES: FaultRates = { dropBefore: 0.08, dropAfter: 0.1, badGateway: 0.06, delay: 0.1, duplicate: 0.1 };

type Field = 'remarks' | 'total' | 'checkCode';
type Cmd =
  | { readonly kind: 'create'; readonly d: number }
  | { readonly kind: 'edit'; readonly d: number; readonly pick: number; readonly field: Field; readonly value: number }
  | { readonly kind: 'delete' | 'restore'; readonly d: number; readonly pick: number }
  | { readonly kind: 'resolve'; readonly d: number; readonly pick: number; readonly keepServer: boolean }
  | { readonly kind: 'sync'; readonly d: number }
  | { readonly kind: 'syncAll' };

const dev = fc.integer({ min: 0, max: DEVICES - 1 });
const pick = fc.nat(1000);
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), d: dev }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), d: dev, pick, field: fc.constantFrom<Field>('remarks', 'total', 'checkCode'), value: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), d: dev, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), d: dev, pick, keepServer: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), d: dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('syncAll' as const) }) },
);



const VALUES: Record<Field, readonly unknown[]> = {
  remarks: ['甲', '乙', "丙'; DROP TABLE records; --"],
  total: [fen(100), fen(200), fen(300)],
  checkCode: ['11111111111111111111', '22222222222222222222', ''],
};

async function run(pc: Pc, cmd: Cmd): Promise<void> {
  pc.tick();
  const all = await pc.db.invoices.toArray();
  const live = all.filter((r) => !r.deleted);
  const gone = all.filter((r) => r.deleted);
  if (cmd.kind === 'create') {
    pc.created += 1;
    await pc.invoices.create(sampleContent(pc.d * 100_000 + pc.created), { warnings: [] });
  } else if (cmd.kind === 'edit' && live.length > 0) {
    const row = live[cmd.pick % live.length]!;
    const cur = (await pc.invoices.get(row.id))!;
    await pc.invoices.update(cur.id, { ...cur, [cmd.field]: VALUES[cmd.field][cmd.value] }, [], cur.updatedAt);
  } else if (cmd.kind === 'delete' && live.length > 0) {
    await pc.invoices.softDelete(live[cmd.pick % live.length]!.id);
  } else if (cmd.kind === 'restore' && gone.length > 0) {
    await pc.invoices.restore(gone[cmd.pick % gone.length]!.id);
  } else if (cmd.kind === 'resolve') {
    // The clerk settles a conflict in the review screen: keeps the server's value or takes their own.
    const open = await pc.store.openConflicts();
    const c = open[cmd.pick % Math.max(1, open.length)];
    if (c) {
      const values = c.field === '*' ? {} : { [c.field]: cmd.keepServer ? c.serverValue : c.clientValue };
      await pc.invoices.resolveConflicts(c.entityId as InvoiceId, values, [c.id]);
    }
  }
}

describe.each(backends())('sync model on $name', (backend) => {
  const totals: Tally & { runs: number; faults: number; commands: number } = {
    runs: 0, faults: 0, commands: 0, loggedOnce: 0, fieldsEqual: 0, recordsEqual: 0, concurrentEdits: 0, conflictRecords: 0, resolved: 0, versionsChecked: 0,
  };
  afterAll(() => {
    console.log(`sync model (${backend.name}): seed ${SEED}, ${totals.runs} runs, ${totals.commands} commands, ${totals.faults} faults injected; ` +
      `invariants: ${totals.loggedOnce} local changes logged exactly once, ${totals.recordsEqual} device records equal to the server ` +
      `(${totals.fieldsEqual} fields), ${totals.concurrentEdits} concurrent different edits each with a conflict record ` +
      `(${totals.conflictRecords} conflict records, ${totals.resolved} resolved by a clerk), ${totals.versionsChecked} versions without a skip`);
  });

  it('converges: exactly once, all devices equal the server, concurrent edits are conflicts, versions never skip', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.array(cmdArb, { minLength: 10, maxLength: 40 }), async (faultSeed, cmds) => {
      const fresh = await backend.fresh();
      const server = await startServer({ store: fresh.store, port: 0, version: 'model' });
      const proxy = await startFaultProxy({ target: server.url, seed: faultSeed, rates: NO_FAULTS, maxDelayMs: 40 });
      try {
        const random = seededRandom(faultSeed ^ 0x5eed);
        const pcs: Pc[] = [];
        for (let d = 0; d < DEVICES; d += 1) {
          await addCode(fresh.store, `MODEL-${d}`);
          const enrolled = await Device.enroll(server.url, `MODEL-${d}`, `PC ${d}`);
          pcs.push(makePc(d, proxy.url, enrolled.deviceId, enrolled.token, random));
        }
        await addCode(fresh.store, 'MODEL-OBSERVER');
        const observer = await Device.enroll(server.url, 'MODEL-OBSERVER', 'observer');

        // Shared starting point: two invoices every PC has, so their edits can collide from the first command.
        await run(pcs[0]!, { kind: 'create', d: 0 });
        await run(pcs[0]!, { kind: 'create', d: 0 });
        for (const pc of pcs) await pc.engine.syncNow();
        proxy.setRates(RATES);

        for (const cmd of cmds) {
          if (cmd.kind === 'syncAll') await Promise.all(pcs.map((pc) => pc.engine.syncNow()));
          else if (cmd.kind === 'sync') await pcs[cmd.d]!.engine.syncNow();
          else await run(pcs[cmd.d]!, cmd);
        }

        // Quiescence: no more faults; sync every device until nothing is pending and all have the newest version.
        proxy.setRates(NO_FAULTS);
        let view = await serverView(observer);
        for (let round = 0; round < 10; round += 1) {
          const results = [];
          for (const pc of pcs) results.push(await pc.engine.syncNow());
          view = await serverView(observer);
          const cursors = await Promise.all(pcs.map((pc) => pc.store.cursor()));
          const pending = await Promise.all(pcs.map((pc) => pc.store.pendingCount()));
          if (results.every((r) => r.ok) && pending.every((p) => p === 0) && cursors.every((c) => c.cursor === view.version)) break;
        }
        const log: LoggedMutation[] = await fresh.store.mutationLog();
        const tally = await checkInvariants(pcs, view, log, (l) => l.payload as WireMutation);
        totals.runs += 1;
        totals.commands += cmds.length;
        totals.faults += proxy.faults();
        for (const key of Object.keys(tally) as (keyof Tally)[]) totals[key] += tally[key];
      } finally {
        await proxy.close();
        await server.close();
        await fresh.store.close();
        await fresh.cleanup();
      }
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    expect(totals.runs).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
