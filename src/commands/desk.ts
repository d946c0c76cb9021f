/**
 * `cowork desk` (and `cowork` alone on a terminal): the source screen as a loop. A searchable list
 * of orders (a number, a guest's name or phone digits; filters by status, service, executor and
 * date), an order opened as `orders show` shows it, its actions as a menu of what the operator may
 * do (src/core/desk.ts), each run by its own command's run function with its prompts, then back to
 * the order, and Esc back to the list. Esc on the list leaves; Ctrl-C leaves from anywhere (130).
 */
import type { Command } from 'commander';
import { canKnowService } from '../core/access.js';
import { deskActions, type DeskAction } from '../core/desk.js';
import { CoworkError, InterruptedError, UsageError } from '../core/errors.js';
import { parseSearch } from '../core/search.js';
import { isDaySpec } from '../core/time.js';
import { ORDER_STATUSES, type Order, type OrderStatus, type User } from '../core/types.js';
import type { Deps } from '../deps.js';
import type { OrderFilter, Store } from '../store/index.js';
import { cut } from '../ui/fit.js';
import { say } from '../ui/i18n.js';
import { BackError, type Choice, type Prompter } from '../ui/prompt.js';
import { safeLine } from '../ui/text.js';
import { viewOrder } from '../app/orders.js';
import { showRun } from './orders/show.js';
import { orderColumns } from './orders/shared.js';
import { recordRun } from './pay/record.js';
import { refundRun } from './pay/refund.js';
import { assignRun } from './orders/assign.js';
import { cancelRun } from './orders/cancel.js';
import { postRun } from './msg/post.js';
import { showRun as ticketRun } from './tickets/show.js';
import { checkInRun } from './tickets/check-in.js';

export function register(program: Command, deps: Deps): void {
  program
    .command('desk')
    .description(deps.t().help.nouns.desk)
    .action(() => deskRun(deps));
}

/** The list's filters, as the operator set them in the desk. */
interface DeskFilter {
  status?: OrderStatus;
  serviceId?: number;
  serviceSlug?: string;
  assignee?: 'me' | 'none';
  date?: string;
}

/** How many orders the list shows at once: a screen's worth; typing narrows it. */
const SHOWN = 12;
const FILTERS = 'filters';

interface Screen {
  /** The desk's deps: prompts that Esc ends; data (an order's view) on the terminal. */
  view: Deps;
  /** The deps actions run with: their data line (an id) is not shown, their notices are. */
  act: Deps;
  store: Store;
  me: User;
  prompter: Prompter;
}

export async function deskRun(deps: Deps): Promise<void> {
  if (!deps.interactive()) throw new UsageError('deskNeedsTerminal');
  const store = await deps.store();
  const me = await deps.operator();
  const prompter = await deps.prompter({ back: true });
  const sink = { write: () => true };
  const screen: Screen = {
    view: { ...deps, io: { ...deps.io, stdout: deps.io.stderr }, prompter: () => Promise.resolve(prompter) },
    act: { ...deps, io: { ...deps.io, stdout: sink }, prompter: () => Promise.resolve(prompter) },
    store,
    me,
    prompter,
  };
  let filter: DeskFilter = {};
  for (;;) {
    let picked: number | typeof FILTERS;
    try {
      picked = await pickOrder(screen, filter);
    } catch (e) {
      if (e instanceof BackError) break;
      throw e;
    }
    if (picked === FILTERS) filter = await backOr(askFilter(screen, filter), filter);
    else await orderScreen(screen, picked);
  }
  deps.io.stderr.write(`${deps.t().prompts.desk.goodbye}\n`);
}

/** The prompt's answer, or `fallback` when the operator pressed Esc. */
async function backOr<T>(answer: Promise<T>, fallback: T): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof BackError) return fallback;
    throw e;
  }
}

function storeFilter(s: Screen, f: DeskFilter, text: string): OrderFilter {
  return {
    statuses: f.status ? [f.status] : undefined,
    serviceId: f.serviceId,
    assignee: f.assignee === 'me' ? s.me.id : f.assignee,
    from: f.date,
    to: f.date,
    now: s.view.now(),
    search: text.trim() === '' ? undefined : (parseSearch(text) ?? undefined),
  };
}

/** The filters set, in words, for the list's first line. */
function activeFilters(s: Screen, f: DeskFilter): string[] {
  const t = s.view.t();
  const w = t.prompts.desk.filter;
  return [
    f.status ? t.status[f.status] : null,
    f.serviceSlug ?? null,
    f.assignee === 'me' ? `${w.assignee}: ${w.me}` : f.assignee === 'none' ? w.none : null,
    f.date ?? null,
  ].filter((x): x is string => x !== null);
}

/** One order as a line of the list, cut to the terminal's width. */
function orderLine(columns: ReturnType<typeof orderColumns>, o: Order, width: number): string {
  const keys = ['number', 'status', 'period', 'applicant', 'service', 'remaining'];
  const cells = keys.map((k) => columns.find((c) => c.key === k)).map((c) => (c ? safeLine(String(c.value(o))) : ''));
  // The prompt's cursor and indent take a few columns.
  return cut(cells.filter((c) => c !== '').join('  '), Math.max(20, width - 4));
}

/** The list: the orders the text typed finds, newest first, under the filters; or the filters' menu. */
async function pickOrder(s: Screen, f: DeskFilter): Promise<number | typeof FILTERS> {
  const t = s.view.t();
  const d = t.prompts.desk;
  const columns = orderColumns(t);
  const width = s.view.width();
  const viewer = { id: s.me.id, login: s.me.login, role: s.me.role };
  return s.prompter.search<number | typeof FILTERS>({
    message: d.find,
    pageSize: SHOWN + 2,
    source: async (text) => {
      // The orders first (Enter opens the first), then a line when there are more, then the filters.
      const choices: Choice<number | typeof FILTERS>[] = [];
      const filter = storeFilter(s, f, text);
      let n = 0;
      for await (const o of s.store.orders(viewer, filter, SHOWN + 1)) {
        if (++n > SHOWN) {
          choices.push({ name: d.more({ shown: SHOWN }), value: FILTERS, disabled: true });
          break;
        }
        choices.push({ name: orderLine(columns, o, width), value: o.number });
      }
      if (n === 0) choices.push({ name: d.none, value: FILTERS, disabled: true });
      choices.push({ name: d.filters({ active: activeFilters(s, f) }), value: FILTERS });
      return choices;
    },
  });
}

/** The filters' menu: one filter changed, or all cleared. */
async function askFilter(s: Screen, f: DeskFilter): Promise<DeskFilter> {
  const t = s.view.t();
  const w = t.prompts.desk.filter;
  const which = await s.prompter.select<'status' | 'service' | 'assignee' | 'date' | 'clear'>({
    message: w.which,
    choices: [
      { name: w.status, value: 'status' },
      { name: w.service, value: 'service' },
      { name: w.assignee, value: 'assignee' },
      { name: w.date, value: 'date' },
      { name: w.clear, value: 'clear' },
    ],
  });
  switch (which) {
    case 'clear':
      return {};
    case 'status': {
      const status = await s.prompter.select<OrderStatus | null>({
        message: w.status,
        choices: [{ name: w.any, value: null }, ...ORDER_STATUSES.map((x) => ({ name: t.status[x], value: x }))],
        default: f.status ?? null,
      });
      return { ...f, status: status ?? undefined };
    }
    case 'service': {
      const services = [...(await s.store.services()).values()].filter((x) => canKnowService(s.me, x));
      const id = await s.prompter.select<number | null>({
        message: w.service,
        choices: [{ name: w.any, value: null }, ...services.map((x) => ({ name: `${x.slug}  ${safeLine(x.name)}`, value: x.id }))],
        default: f.serviceId ?? null,
      });
      return { ...f, serviceId: id ?? undefined, serviceSlug: services.find((x) => x.id === id)?.slug };
    }
    case 'assignee': {
      const assignee = await s.prompter.select<'me' | 'none' | null>({
        message: w.assignee,
        choices: [
          { name: w.any, value: null },
          { name: w.me, value: 'me' },
          { name: w.none, value: 'none' },
        ],
        default: f.assignee ?? null,
      });
      return { ...f, assignee: assignee ?? undefined };
    }
    case 'date': {
      const date = await s.prompter.input({
        message: w.datePrompt,
        default: f.date,
        validate: (v) => v.trim() === '' || isDaySpec(v.trim()) || w.badDate,
      });
      return { ...f, date: date.trim() === '' ? undefined : date.trim() };
    }
  }
}

/** An order: its view, its menu, the action chosen; again until Esc or «back». */
async function orderScreen(s: Screen, number: number): Promise<void> {
  const t = s.view.t();
  const d = t.prompts.desk;
  for (;;) {
    const { order } = await viewOrder(s.store, s.me, number);
    await showRun({ number }, s.view);
    const actions = deskActions(s.me, order);
    let action: DeskAction | 'back';
    try {
      action = await s.prompter.select<DeskAction | 'back'>({
        message: d.action({ number }),
        choices: [...actions.map((a) => ({ name: d.actions[a], value: a })), { name: d.back, value: 'back' as const }],
      });
    } catch (e) {
      if (e instanceof BackError) return;
      throw e;
    }
    if (action === 'back') return;
    try {
      await run(s, action, order);
    } catch (e) {
      // Esc inside an action goes back to the order; a refusal is said, and the order shown again.
      if (e instanceof BackError) continue;
      if (e instanceof CoworkError && !(e instanceof InterruptedError)) {
        s.view.io.stderr.write(`cowork: ${say(t, (e as CoworkError).said)}\n`);
        continue;
      }
      throw e;
    }
  }
}

function run(s: Screen, action: DeskAction, order: Order): Promise<void> {
  const number = order.number;
  const ticket = order.ticket?.number;
  switch (action) {
    case 'pay':
      return recordRun({ number }, s.act);
    case 'refund':
      return refundRun({ number }, s.act);
    case 'assign':
      return assignRun({ number }, s.act);
    case 'cancel':
      return cancelRun({ number }, s.act);
    case 'message':
      return postRun({ number }, s.act);
    case 'ticket':
      return ticket === undefined ? Promise.resolve() : ticketRun({ number: ticket }, s.view);
    case 'checkIn':
      return ticket === undefined ? Promise.resolve() : checkInRun({ number: ticket }, s.act);
  }
}
