/**
 * Every word of cowork in English: errors of every class, prompts, notices, table headers, help.
 * The Russian catalog (./ru.ts) has the same keys with the same values, checked by the compiler:
 * a key missing in one language is a type error. Values a message quotes from users or files are
 * made safe for the terminal where the message is printed, not here.
 */
import type { PaymentRange } from '../../core/orders.js';
import type {
  EntryKind,
  OrderStatus,
  PaymentMethod,
  PaymentSource,
  Role,
  TicketStatus,
  Visibility,
  WarningCode,
} from '../../core/types.js';
import type { FixtureIssue, FixtureProblem, SchemaProblem } from '../../core/fixture-refs.js';
import type { Sums } from '../../core/takings.js';
import type { ImportSummary } from '../../core/statement.js';
import { formatter, type Lang } from '../format.js';
import { lazy, sections } from './lazy.js';

const f = formatter('en');
const m = f.money;
const quote = (s: string) => `"${s}"`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Names offered as alternatives: "a, b or c" (built only when a message needs it). */
const either = (names: string[]) => new Intl.ListFormat('en', { type: 'disjunction' }).format(names);

const status: Record<OrderStatus, string> = {
  awaiting_payment: 'Awaiting payment',
  partially_paid: 'Partially paid',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};
const ticketStatus: Record<TicketStatus, string> = { active: 'Active', checked_in: 'Checked in', cancelled: 'Cancelled' };
const method: Record<PaymentMethod, string> = { card: 'Bank card', cash: 'Cash', transfer: 'Bank transfer' };
const role: Record<Role, string> = { guest: 'Location guest', rental_manager: 'Rental manager', admin: 'Administrator' };
const visibility: Record<Visibility, string> = { public: 'Public', internal: 'Internal', system: 'System' };
const entryKind: Record<EntryKind, string> = { payment: 'Payment', refund: 'Refund', reversal: 'Reversal' };
const source: Record<PaymentSource, string> = { gateway: 'Payment gateway', manager: 'Desk' };
const warning: Record<WarningCode, string> = {
  REMAINING_BELOW_MINIMUM: 'It leaves less than the minimum to pay',
  OVERPAID: 'It pays more than the total: the difference is due for refund',
  ORDER_CANCELLED: 'The order is cancelled: the money is due for refund',
  REFUND_EXCEEDS_DUE: 'It gives back more than was due',
};

const english = () =>
  sections({
    // Of the type both catalogs share: sections() would keep the literal 'en'.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    lang: 'en' as Lang,
    status,
    ticketStatus,
    method,
    role,
    visibility,
    entryKind,
    source,
    warning,

    get words() {
      return {
        kind: 'Kind',
        takingsIn: 'In',
        takingsOut: 'Refunded',
        net: 'Net',
        entries: 'Entries',
        entry: 'entry',
        reference: 'Reference',
        reversed: 'Reversed',
        refund: 'Refund',
        kept: 'Kept (cancellation fee)',
        refundedLabel: 'Refunded',
        reversedLabel: 'Reversed',
        reversalOf: (id: string) => `Reversal of ${id}`,
        reversedBy: (id: string) => `reversed by entry ${id}`,
        order: 'Order',
        executor: 'Executor',
        notAssigned: 'Not assigned',
        orderDetails: 'Order details',
        ticket: 'Ticket',
        visitor: 'Visitor',
        phone: 'Phone',
        tariff: 'tariff',
        rentalPeriod: 'Rental period',
        ticketCost: 'Ticket cost',
        totalCost: 'Total cost',
        payment: 'Payment',
        noPayments: 'No payments yet',
        paidLabel: 'Paid',
        paidTotal: 'Paid',
        remaining: 'Left to pay',
        refundDue: 'Due for refund',
        applicant: 'Applicant',
        dueDate: 'Due date',
        today: 'Today',
        tomorrow: 'Tomorrow',
        yesterday: 'Yesterday',
        system: 'System',
        noMessages: 'No messages',
        cancelled: 'Cancelled',
        reason: 'Reason',
        service: 'Service',
        status: 'Status',
        period: 'Period',
        total: 'Total',
        left: 'Left',
        number: 'Number',
        created: 'Created',
        capacity: 'Capacity',
        hours: 'Opening hours',
        partialPayment: 'Partial payment',
        prepayment: 'prepayment',
        allowed: 'allowed',
        notAllowed: 'not allowed',
        tariffs: 'Tariffs',
        managers: 'Responsible managers',
        location: 'Location',
        perHour: 'an hour',
        perDay: 'a day',
        login: 'Login',
        name: 'Name',
        role: 'Role',
        email: 'Email',
        method: 'Method',
        source: 'Source',
        recordedBy: 'Recorded by',
        amount: 'Amount',
        when: 'When',
        gateway: 'payment gateway',
        desk: 'desk',
        none: '—',
        public: 'Public',
        internal: 'Internal',
        services: 'Services',
        database: 'Database',
        seats: (n: number) => f.plural(n, { one: 'seat', other: 'seats' }),
        periodText: (p: { date: string; from: string; to: string }) => `${p.date}, from ${p.from} to ${p.to}`,
        longDate: (date: string) => f.longDate(date),
        more: (n: number) => `… ${f.plural(n, { one: 'more order', other: 'more orders' })} (use --limit to see them)`,
        moreRows: (n: number) => `… ${f.number(n)} more (use --limit to see them)`,
        noOrders: 'No orders',
        noTickets: 'No tickets',
        noRows: 'Nothing to show',
        range: (r: PaymentRange) => rangeHint(r),
        /** A service's name (a person's is `name`). */
        title: 'Name',
        db: {
          schema: 'Schema',
          empty: '(empty)',
          upToDate: 'up to date',
          newer: (p: { latest: string }) => `newer than this cowork knows (${p.latest}): upgrade cowork`,
          pending: (p: { names: string[] }) => `pending: ${p.names.join(', ')} (run \`cowork db migrate\`)`,
        },
      };
    },

    /** Help: the descriptions of commands, arguments and flags, and commander's own headings. */
    get help() {
      return sections({
        program: "The terminal desk of a coworking operator's rental managers",
        version: 'print the version',
        helpOption: 'show help for the command',
        titles: {
          'Usage:': 'Usage:',
          'Options:': 'Options:',
          'Commands:': 'Commands:',
          'Arguments:': 'Arguments:',
          'Global Options:': 'Global options:',
          'Examples:': 'Examples:',
        },
        globals: {
          db: 'the database: a file path or postgres://… (env COWORK_DB)',
          as: 'the operator (env COWORK_USER, or the login saved by `cowork login`)',
          json: 'print JSON (on lists, the same as --format json)',
          noColor: 'never colour the output (also NO_COLOR, TERM=dumb)',
          lang: 'the language of the output: en or ru (env COWORK_LANG, else LANG)',
          noInput: 'never prompt: a missing value is an error (env COWORK_NO_INPUT)',
          yes: 'answer yes to confirmations',
        },
        nouns: {
          orders: 'booking orders: list, show, create, assign, cancel',
          pay: 'the ledger: record a payment at the desk, refund, reverse a mistake, list, report the takings, import and reconcile a gateway statement',
          msg: "an order's feed: post, list",
          tickets: "bookings' tickets: list (the day's arrivals), show, check-in",
          services: 'coworking services: list, show, create, set',
          users: 'users: list, add',
          db: 'the database: status, migrate',
          seed: 'load data: the demo, a fixture file (one transaction, idempotent), or generated orders',
          whoami: 'show the operator: who cowork acts as, and where its database is',
          login: 'save LOGIN as the operator for later runs (--as and COWORK_USER still win)',
          desk: 'the desk: find an order, see it, act on it from a menu (also `cowork` alone on a terminal)',
          completion: 'print the shell completion script for bash, zsh or fish (the README says how to enable it)',
          help: 'help on a command, or on a topic: exit-codes, environment',
        },
        format: 'table, json, ndjson or csv',
        excel: 'a CSV a Russian Excel opens right (BOM, ;, decimal commas, local times); implies --format csv',
        orderNumber: 'the order number',
        choices: 'one of',
        optionsWord: '[options]',
        commandWord: '[command]',
        get orders() {
          return {
            list: {
              description: 'list the orders you may see, newest first',
              status: 'only these statuses (awaiting_payment, partially_paid, confirmed, cancelled); repeat or list several',
              service: 'only orders of this service',
              assignee: 'only orders of this executor; none: without one; me: yours',
              from: 'only orders whose rental period touches this local date or later',
              to: 'only orders whose rental period touches this local date or earlier',
              refundDue: 'only orders with money due for refund',
              search:
                "find orders by number or ticket number, the applicant's or visitor's name (any case, ё or е; every word must match) or phone digits (+7 912…, 8 912…, or any part)",
              applicant: 'only orders of this applicant (a login); me: yours',
              sort: 'created: newest first (the default); start: by rental start, earliest first, as arrivals come',
              limit: (n: number) => `at most N orders (the table shows ${n} unless told)`,
            },
            show: { description: 'show an order: status, executor, ticket, lines, payments, applicant, due date and its feed' },
            create: {
              description: 'book a coworking space: by a manager for a guest, or by a guest; prints the new order number',
              service: 'the service (prompted on a terminal)',
              applicant: 'the guest who books (a guest books for themselves)',
              date: 'the rental day, local to the location: YYYY-MM-DD, today or tomorrow',
              from: 'start, local time',
              to: 'end, local time',
              tariff: "the tariff (default: the service's first)",
              visitorName: 'who comes, if not the applicant',
              visitorPhone: "the visitor's phone",
              prepay: 'a guest booking: the amount paid online now (at least the service prepayment)',
              paymentId: "the gateway's id of that online payment, as its statement will show it",
              idempotencyKey: 'a key that makes a retry safe: the same key books once',
            },
            assign: {
              description: 'hand an order to a colleague (change the executor); none removes the executor',
              login: 'a rental manager responsible for the service, an admin, none, or me',
            },
            cancel: {
              description: 'cancel an order and its ticket; money already paid stays recorded, due for refund',
              reason: 'why: goes into the order feed',
              keep: 'a cancellation fee kept, in rubles (at most what was paid); the rest is due for refund',
            },
          };
        },
        get pay() {
          return {
            list: {
              description:
                'list the ledger, oldest first: payments, refunds and reversals of one order, or of every order you may see; the table ends with totals',
              order: 'only the entries of this order',
              source: 'only gateway or desk (manager) entries',
              from: "only entries of this local day or later (YYYY-MM-DD, today, yesterday; each location's own)",
              to: 'only entries of this local day or earlier',
              method: 'only entries of this method: cash, card or transfer',
              kind: 'only payments, refunds or reversals',
              recordedBy: 'only entries recorded at the desk by this user; me: yours',
              limit: 'at most N entries',
            },
            report: {
              description:
                "the takings of the location's local day(s): in, out, reversed and net by method and source, manager or service, and the cash in the drawer",
              date: 'the day (YYYY-MM-DD, today, yesterday; default today)',
              from: 'the first day of a period',
              to: 'the last day of a period',
              by: 'group by method (and source), manager or service (default method)',
            },
            refund: {
              description: 'give money back to the guest (возврат): at most what is due for refund; partial refunds allowed',
              amount: 'the amount in rubles (prompted on a terminal, with the allowed range)',
              method: 'how the money goes back: cash, card or transfer (default cash)',
              reason: 'why: goes into the order feed',
            },
            reverse: {
              description: 'undo a desk payment recorded by mistake: a new entry that points at it; once per payment',
              payment: 'the id of the desk payment (`cowork pay list --order N` shows it)',
              reason: 'why: goes into the order feed',
            },
            reconcile: {
              description: "compare a gateway statement with cowork's gateway payments; writes nothing",
              file: 'the statement (CSV: external_id,order_number,amount,paid_at,method), or - for stdin',
              format: (p: { names: string[] }) => `the statement's format: ${p.names.join(', ')} (default: the one its header fits)`,
              map: "a mapping file (JSON) for another gateway's registry: its delimiter, encoding, columns and rows to skip",
              encoding: "the file's encoding: utf-8 or windows-1251 (default: detected)",
              timeZone: "the zone of times written without an offset (default: the format's, else the location's)",
            },
            record: {
              description: "record the guest's payment at the desk («Провести оплату»): all of the remainder or a part of it",
              amount: 'the amount in rubles: 150, 150.50 or 150,50 (prompted on a terminal)',
              method: 'how the guest paid: cash, card or transfer (default cash; prompted on a terminal)',
              idempotencyKey: 'a key that makes a retry safe: the same key records the payment once',
              reference: "the cash register's receipt number or the transfer's reference",
            },
          };
        },
        get msg() {
          return {
            post: {
              description:
                "write on an order's feed: public (the guest sees it) or --internal (responsible managers and admins); prints the message id",
              text: (p: { max: number }) =>
                `the message, at most ${f.number(p.max)} characters; - reads it from stdin (asked on a terminal)`,
              internal: 'only for the rental managers responsible for the service, and admins (asked on a terminal)',
            },
            list: {
              description: "an order's feed: system events, public and internal messages, oldest first",
              format: 'table (the feed), json, ndjson or csv',
            },
          };
        },
        get tickets() {
          return {
            number: 'the ticket number',
            list: {
              description:
                "the tickets whose rental starts on a local day, earliest first (the desk's arrivals); without --date, today's and every later one",
              date: "only tickets starting on this local day (YYYY-MM-DD, today, tomorrow, yesterday; each location's own)",
              status: 'only these statuses (active, checked_in, cancelled); repeat or list several',
              limit: (n: number) => `at most N tickets (the table shows ${n} unless told)`,
            },
            show: { description: "show a booking's ticket: visitor, rental period, its order" },
            checkIn: {
              description: "mark that the visitor came: a paid order's active ticket, on its rental day; prints the ticket number",
            },
          };
        },
        get services() {
          return {
            slug: 'the service',
            list: {
              description: 'list the services: a rental manager sees those they are responsible for; an admin and a guest, every one',
              all: 'accepted for older scripts; lists the same services',
            },
            show: { description: 'show a service: capacity, hours, tariffs, partial payment, responsible managers' },
            create: {
              description: 'create a coworking service (admins only); prints its slug',
              slug: 'lower-case letters, digits and "-"',
              name: 'the name guests see, such as «Коворкинг на 2 этаже»',
              capacity: 'seats: how many bookings may overlap',
              location: 'the location (default: the only one)',
            },
            set: {
              description: "change a service's settings (admins only); what is not given stays; prints its slug",
              name: 'a new name',
              capacity: 'seats: how many bookings may overlap',
            },
            opens: 'opening time, HH:MM (default 08:00)',
            closes: 'closing time, HH:MM (default 22:00)',
            tariff: 'a tariff such as "Стандарт:hour:100" (price in rubles); repeat for several; replaces them all',
            partialPayment: 'allow partial payment',
            noPartialPayment: 'take only the whole amount',
            minPrepayment: 'the least a guest pays online, in percent',
            manager: 'the responsible rental managers (replaces them all)',
            addManager: 'add responsible rental managers',
            removeManager: 'remove responsible rental managers',
          };
        },
        get users() {
          return {
            list: {
              description: 'list the users (for rental managers and admins)',
              role: 'only users of this role',
              search: 'find users by name (any case, ё or е; every word must match), phone digits, login or email',
              limit: 'at most N users',
            },
            add: {
              description: 'add a user: a rental manager adds guests (a walk-in at the desk), an admin anyone; prints the login',
              login: 'letters, digits, ".", "_" or "-"; unique whatever the case',
              name: 'the full name',
              phone: 'such as +7 (342) 254-54-54',
              email: 'an email address',
              role: 'guest, rental_manager or admin',
            },
          };
        },
        get db() {
          return {
            status: { description: "the database: where it is, its schema's migrations, applied and pending" },
            migrate: {
              description: 'bring the database schema up to date (safe from several desks at once); prints the migrations applied',
            },
          };
        },
        login: { login: 'a user of the database' },
        completion: { shell: 'bash, zsh or fish' },
        helpTopic: { topic: 'exit-codes, environment, or a command such as `orders list`' },
        get exitCodes() {
          return {
            ruleCode: '(rule code)',
            meaning: {
              OK: 'done (an empty list too)',
              UNEXPECTED: 'unexpected failure; also the database unreachable, timed out, read-only or its disk full',
              USAGE: 'usage: unknown command or flag, a malformed value, a value missing where no prompt is allowed',
              CANCELLED: 'cancelled: a confirmation declined',
              NOT_ALLOWED: 'not allowed: unknown operator, wrong role, not responsible for the service',
              NOT_FOUND: 'not found: order, ticket, payment, user, service, or the database itself',
              RULE: 'refused by a rule: the 50 ₽ floor, a cancelled order, partial payment not allowed, capacity …',
              CONFLICT: 'conflict: an idempotency key or a gateway id reused with other parameters',
              DIFFERENCES:
                'differences: a reconciliation found mismatches, or an import rejected some rows or recorded some with a warning (needs attention)',
              INTERRUPTED: 'interrupted (Ctrl-C)',
            },
          };
        },
        get environment() {
          return {
            COWORK_DB:
              'the database: a file path or postgres://… (as --db); default $XDG_DATA_HOME/cowork/cowork.db. A postgres:// URL may bound its waits: ?connect_timeout=10 (seconds), &statement_timeout=60000, &lock_timeout=30000 (milliseconds; these are the defaults; 0 for none)',
            COWORK_USER: 'the operator (as --as); else the login saved by `cowork login`',
            COWORK_LANG: 'en or ru (as --lang); else taken from LC_ALL, LC_MESSAGES or LANG',
            COWORK_NO_INPUT: 'any non-empty value but 0 or false: never prompt (as --no-input)',
            COWORK_NOW: 'an ISO-8601 time that fixes the clock, for tests and demos',
            COWORK_DEBUG: 'print the stack of an unexpected failure',
            NO_COLOR: 'never colour (also --no-color, TERM=dumb, or output that is not a terminal)',
            COLUMNS: 'the width tables fit on a terminal, in characters (else the terminal’s own); piped output is never cut',
            XDG_DATA_HOME: 'where the default database lives (default ~/.local/share)',
            XDG_CONFIG_HOME: 'where the saved login lives: cowork/config.json (default ~/.config)',
            XDG_CACHE_HOME:
              'where cowork keeps what makes it start faster, cowork/ (default ~/.cache): compiled code, the text of --help, the single executable’s SQLite addon; safe to delete',
            COWORK_SQLITE_ADDON: 'the file of SQLite’s driver addon to load (better_sqlite3.node), instead of the installed one',
            COWORK_TEST_PG_URL: 'tests only: a PostgreSQL server for the PostgreSQL runs of the test suite',
          };
        },
        get seed() {
          return {
            description: 'load data: the demo, a fixture file (one transaction, idempotent), or generated orders',
            file: 'a fixture file (JSON; see examples/fixture.json), or - for stdin',
            demo: 'the demo: a coworking in Perm, its managers and guests, the order 1006313',
            orders: 'generate N realistic orders (deterministic)',
            randomSeed: 'the seed of --orders (default 1)',
            dryRun: 'check and report, write nothing',
          };
        },
        get payImport() {
          return {
            description: "record a payment gateway's statement (CSV: external_id,order_number,amount,paid_at,method); safe to re-run",
            file: 'the statement, or - for stdin',
            dryRun: 'decide and report every row, write nothing',
            format: (p: { names: string[] }) => `the statement's format: ${p.names.join(', ')} (default: the one its header fits)`,
            map: "a mapping file (JSON) for another gateway's registry: its delimiter, encoding, columns and rows to skip",
            encoding: "the file's encoding: utf-8 or windows-1251 (default: detected)",
            timeZone: "the zone of times written without an offset (default: the format's, else the location's)",
          };
        },
        /**
         * The examples that end each command's help, by command path: the command line (the same in
         * every language; they run on `cowork seed --demo`) and what it does, in a line.
         */
        get examples() {
          return {
            'orders list': [
              ['cowork orders list --status awaiting_payment partially_paid', 'Orders that still wait for money'],
              ['cowork orders list --assignee none --from today', 'Orders from today on that have no executor yet'],
              ['cowork orders list --search Трошков', "Find a guest's orders by name, phone digits or number"],
            ],
            'orders show': [
              ['cowork orders show 1006313', 'An order as its screen shows it: ticket, lines, payment, applicant, messages'],
              ['cowork orders show 1006314 --json', 'The same as JSON, for a script'],
            ],
            'orders create': [
              [
                'cowork orders create --service coworking-2 --applicant troshkov --date tomorrow --from 10:00 --to 14:00',
                'Book 4 hours of the coworking for a guest; prints the new order number',
              ],
              [
                'cowork orders create --service meeting-room --applicant petrov --date tomorrow --from 15:00 --to 16:00 --visitor-name "Сергей Петров" --visitor-phone "+7 912 000-00-04"',
                'Book the meeting room for a guest when someone else comes',
              ],
            ],
            'orders assign': [
              ['cowork orders assign 1006314 me', 'Take the order yourself'],
              ['cowork orders assign 1006313 admin', 'Change the executor: hand the order to a colleague'],
              ['cowork orders assign 1006315 none', 'Remove the executor'],
            ],
            'orders cancel': [
              [
                'cowork orders cancel 1006315 --reason "Гость перенёс встречу" --yes',
                'Cancel an order and its ticket without the question; the reason goes into its messages',
              ],
              [
                'cowork orders cancel 1006314 --keep 100 --reason "Поздняя отмена" --yes',
                'Cancel and keep a 100 ₽ fee: the rest of what was paid is due for refund',
              ],
            ],
            'pay record': [
              [
                'cowork pay record 1006314 --amount 300 --method card --reference "Чек 0415"',
                "Record the guest's payment of a part of the remainder by card, with the receipt number",
              ],
              ['cowork pay record 1006314 --amount 400 --method cash', 'The rest in cash: the order is confirmed'],
              [
                'cowork pay record 1006315 --amount 2000 --idempotency-key desk-1006315',
                'Safe to retry: the same key records the payment once',
              ],
            ],
            'pay refund': [
              [
                'cowork pay refund 1006316 --amount 250 --method transfer --reference "ПП 4471"',
                'Give back the rest due on a cancelled order, by bank transfer',
              ],
              [
                'cowork pay refund 1006312 --amount 150 --method card --reason "Заказ отменён"',
                "Give a cancelled order's money back to the card",
              ],
            ],
            'pay reverse': [
              [
                'cowork pay record 1006315 --amount 2000 --method card',
                'A payment recorded by mistake: cowork prints its id (8 on a fresh demo)',
              ],
              [
                'cowork pay reverse 8 --reason "Проведено по ошибке" --yes',
                'Reverse payment 8, recorded by mistake, without the question: the order awaits payment again',
              ],
            ],
            'pay list': [
              ['cowork pay list --order 1006316', "An order's ledger: payments, refunds and reversals, with totals"],
              ['cowork pay list --from today --method cash --source manager', 'The cash taken and given back at the desk today'],
              ['cowork pay list --from 2023-08-01 --to 2023-08-31 --excel', "A month's ledger as a CSV that Excel opens right"],
            ],
            'pay report': [
              ['cowork pay report', "Today's takings: in, out and net by method, and the cash in the drawer"],
              ['cowork pay report --date yesterday --by manager', "Yesterday's takings per manager"],
              ['cowork pay report --from 2023-08-01 --to 2023-08-31 --by service', "A month's takings per service"],
            ],
            'pay import': [
              ['cowork pay import statement.csv --dry-run', "Check a gateway's statement: every row decided, nothing written"],
              ['cowork pay import statement.csv', 'Record it; a second run records nothing twice'],
              ['cowork pay import registry.csv --format yookassa --encoding windows-1251', 'A ЮKassa registry saved by a Russian Windows'],
            ],
            'pay reconcile': [
              ['cowork pay reconcile statement.csv', 'Compare a statement with cowork, writing nothing; exit code 8 on any difference'],
              ['cowork pay reconcile registry.csv --format yookassa --json', 'Row by row as JSON, for a script'],
            ],
            'msg post': [
              ['cowork msg post 1006314 --text "Ждём вас завтра в 10:00."', 'A public message: the guest sees it'],
              [
                'cowork msg post 1006315 --internal --text "Проверьте проектор перед встречей."',
                'An internal message, for the managers responsible for the service',
              ],
            ],
            'msg list': [
              ['cowork msg list 1006314', "An order's messages: system events, public and internal ones"],
              ['cowork msg list 1006313 --json', 'The same as JSON, for a script'],
            ],
            'tickets list': [
              ['cowork tickets list --date today', "Today's tickets: who is coming"],
              ['cowork tickets list --date 2023-08-12 --status active', 'The tickets of a day not checked in yet'],
            ],
            'tickets show': [['cowork tickets show 207', 'A ticket: visitor, rental period, its order']],
            'tickets check-in': [
              ['cowork tickets check-in 207', 'The visitor came: mark the ticket checked in (a paid order, on its day)'],
            ],
            'services list': [
              ['cowork services list', 'The services you are responsible for'],
              ['cowork services list --json', 'The same as JSON, for a script'],
            ],
            'services show': [['cowork services show coworking-2', 'A service: capacity, hours, tariffs, partial payment, managers']],
            'services create': [
              [
                'cowork --as admin services create --slug hot-desk --name "Открытое пространство" --capacity 30 --tariff "Стандарт:hour:80" --manager manager',
                'An administrator creates a service of 30 seats at 80 ₽ an hour',
              ],
            ],
            'services set': [
              ['cowork --as admin services set meeting-room --capacity 2', 'Two bookings of the meeting room may overlap from now on'],
              [
                'cowork --as admin services set coworking-2 --add-manager manager2',
                'Make another rental manager responsible for the service',
              ],
              ['cowork --as admin services set coworking-2 --min-prepayment 50', 'Guests booking online pay at least half at once'],
            ],
            'users list': [
              ['cowork users list --role guest', 'The guests'],
              ['cowork users list --role rental_manager --json', 'The rental managers as JSON'],
            ],
            'users add': [
              [
                'cowork users add --login sidorov --name "Пётр Сидоров" --phone "+7 912 000-00-05" --role guest',
                'A walk-in guest at the desk',
              ],
              [
                'cowork --as admin users add --login manager3 --name "Елена Орлова" --email orlova@example.com --role rental_manager',
                'An administrator adds a rental manager',
              ],
            ],
            'db status': [
              ['cowork db status', "Where the database is, and its schema's migrations applied and pending"],
              ['cowork db status --json', 'The same as JSON, for a script'],
            ],
            'db migrate': [['cowork db migrate', 'Bring the schema up to date after installing a new version']],
            seed: [
              ['cowork seed --demo', 'The demo: a coworking in Perm, its managers and guests, the order 1006313'],
              ['cowork seed fixture.json --dry-run', 'Check a fixture file and report, writing nothing'],
              ['cowork seed --orders 50 --random-seed 7', 'Add 50 realistic orders, the same ones every time'],
            ],
            whoami: [
              ['cowork whoami', 'Who cowork acts as, and where its database is'],
              ['cowork --as admin whoami --json', 'The same for another operator, as JSON'],
            ],
            login: [['cowork login manager', 'Act as manager in later runs (--as and COWORK_USER still win)']],
            completion: [
              ['cowork completion bash', 'The completion script for bash (the README says where it goes)'],
              ['cowork completion zsh', 'The same for zsh'],
            ],
            desk: [['cowork desk', 'The interactive screen: find an order, open it, act on it from a menu']],
            help: [
              ['cowork help orders list', "A command's help, as --help shows it"],
              ['cowork help exit-codes', 'What each exit code means, for scripts'],
              ['cowork help environment', 'The environment variables cowork reads'],
            ],
          } satisfies Record<string, [command: string, comment: string][]>;
        },
      });
    },

    /** Prompts and their checks. */
    get prompts() {
      return {
        yes: 'Yes',
        no: 'No',
        yesOrNo: (p: { yes: string; no: string }) => `Answer ${p.yes} or ${p.no}`,
        desk: {
          find: 'Order (type a number, a name or phone digits; Esc leaves)',
          filters: (p: { active: string[] }) => `Filters${p.active.length ? `: ${p.active.join(', ')}` : ''}…`,
          none: 'No orders match',
          more: (p: { shown: number }) => `(the first ${p.shown}: type more to narrow)`,
          action: (p: { number: number }) => `Order №${p.number} (Esc: back to the list)`,
          actions: {
            pay: 'Take a payment',
            refund: 'Refund',
            assign: 'Change executor',
            cancel: 'Cancel the order',
            message: 'Write a message…',
            ticket: 'The ticket',
            checkIn: 'Check the visitor in',
          },
          back: 'Back to the list',
          filter: {
            which: 'Filter by',
            status: 'Status',
            service: 'Service',
            assignee: 'Executor',
            date: 'Rental date',
            clear: 'Clear the filters',
            any: 'Any',
            me: 'Me',
            none: 'Not assigned',
            datePrompt: 'Date (YYYY-MM-DD, today, tomorrow, yesterday; empty: any)',
            badDate: 'A date YYYY-MM-DD, or today, tomorrow, yesterday',
          },
          goodbye: 'Desk closed.',
        },
        keys: { navigate: 'navigate', select: 'select' } as Record<string, string>,
        orders: {
          service: 'Service',
          guest: 'Guest',
          date: 'Date (YYYY-MM-DD, today, tomorrow)',
          from: 'From (HH:MM)',
          to: 'To (HH:MM)',
          badDate: 'Type a date YYYY-MM-DD, today or tomorrow',
          badTime: 'Type a time HH:MM',
          cancel: (p: { number: number; service: string; paid: number; kept: number; refundDue: number }) =>
            `Cancel order ${p.number} (${p.service})?${p.kept ? ` ${m(p.kept)} kept as a cancellation fee.` : ''}${p.refundDue ? ` ${m(p.refundDue)} will be due for refund.` : ''}`,
          reason: 'Reason (may be empty)',
          serviceInfo: (p: { name: string; opensAt: string; closesAt: string; capacity: number; tariffs: string }) =>
            `${p.name}: open ${p.opensAt}–${p.closesAt}, ${f.plural(p.capacity, { one: 'seat', other: 'seats' })}; ${p.tariffs}.`,
          dayInfo: (p: { date: string; capacity: number; stretches: { from: string; to: string; free: number }[]; more: boolean }) =>
            `Free seats on ${f.longDate(p.date)}: ${p.stretches.map((s) => `${s.from}–${s.to} ${s.free} of ${p.capacity}`).join(' · ')}${p.more ? ' · …' : ''}`,
          pastDay: (p: { date: string; today: string }) => `${f.longDate(p.date)} has passed: today is ${f.longDate(p.today)}`,
          dayOver: (p: { closesAt: string }) => `Nothing is left to book today: the service closes at ${p.closesAt}`,
          dayFull: (p: { date: string }) => `No free seats on ${f.longDate(p.date)}`,
          outsideHours: (p: { opensAt: string; closesAt: string }) => `Outside opening hours: open ${p.opensAt}–${p.closesAt}`,
          pastTime: (p: { time: string; now: string; earliest: string }) =>
            `${p.time} has already passed (it is ${p.now} now): start at ${p.earliest} or later`,
          noSeatAt: (p: { time: string; until: string }) => `No free seat at ${p.time}: every seat is booked until ${p.until}`,
          notAfterStart: (p: { from: string }) => `The end must come after the start, ${p.from}`,
          afterClosing: (p: { closesAt: string }) => `The service closes at ${p.closesAt}`,
          seatUntil: (p: { from: string; until: string }) =>
            `A seat is free from ${p.from} until ${p.until} only: end at ${p.until} at the latest`,
          timeMissing: (p: { date: string; time: string }) => `The clocks skip ${p.time} on ${f.longDate(p.date)}: choose another time`,
          tariff: 'Tariff',
          tariffChoice: (p: { name: string; price: number; unit: 'hour' | 'day'; quantity: number; total: number }) =>
            `«${p.name}» ${m(p.price)} ${p.unit === 'hour' ? 'an hour' : 'a day'}: ${m(p.total)} for this stay${p.unit === 'hour' ? ` (${f.plural(p.quantity, { one: 'hour', other: 'hours' })})` : ''}`,
          prepayIntro: (p: { min: number; total: number; percent: number; partialPayment: boolean }) =>
            p.partialPayment
              ? `To book, pay at least ${m(p.min)} online now (${p.percent} % of ${m(p.total)}); the rest may be paid later.`
              : `To book, pay ${m(p.total)} online now: this service takes no partial payment.`,
          prepay: 'Online payment, ₽',
          prepayAllowed: (p: { min: number; total: number }) =>
            p.min === p.total ? `Allowed: exactly ${m(p.total)}` : `Allowed: ${m(p.min)} to ${m(p.total)}`,
        },
        pick: {
          order: 'Order: type a number, a name or phone digits',
          guest: 'Guest: type a name or phone digits',
          noResults: 'Nothing found',
          orderChoice: (p: { number: number; name: string; period: string; status: OrderStatus }) =>
            `${p.number} · ${p.name} · ${p.period} · ${status[p.status]}`,
          orderDetails: (p: { service: string; visitor: string; left: number; refundDue: number }) =>
            `${p.service} · ${p.visitor}${p.left ? ` · ${m(p.left)} left to pay` : ''}${p.refundDue ? ` · ${m(p.refundDue)} due for refund` : ''}`,
        },
        assign: {
          executor: 'Executor',
          none: 'No executor',
          current: '(current)',
        },
        pay: {
          amount: 'Amount, ₽',
          method: 'Payment method',
          notAmount: 'Type an amount of rubles: 150, 150.50 or 150,50',
          allowed: (r: PaymentRange) => `Allowed: ${rangeHint(r)}`,
          intro: (p: { number: number; remaining: number; minRemaining: number; range: PaymentRange }) =>
            `Order ${p.number}: ${m(p.remaining)} left to pay. ${capital(rangeHint(p.range))}; at least ${m(p.minRemaining)} must remain unless all is paid.`,
        },
        refund: {
          intro: (p: { number: number; due: number }) =>
            `Order ${p.number}: ${m(p.due)} is due for refund; any amount up to it may be given back.`,
          allowed: (p: { due: number }) => `Allowed: up to ${m(p.due)}`,
        },
        reverse: {
          confirm: (p: { id: string; number: number; amount: number; method: PaymentMethod; paid: number }) =>
            `Reverse payment ${p.id} of ${m(p.amount)} (${method[p.method].toLowerCase()}) on order ${p.number}? Paid becomes ${m(p.paid)}.`,
        },
        msg: {
          visibility: 'Who sees the message?',
          public: 'Public: the guest sees it',
          internal: 'Internal: the responsible rental managers and admins',
          text: 'Write a message...',
          editor: 'Message',
          empty: 'The message is empty',
          tooLong: (p: { length: number; max: number }) => `The message has ${f.number(p.length)} characters: at most ${f.number(p.max)}`,
        },
      };
    },

    /** What a command tells the operator on stderr. */
    get notices() {
      return {
        orders: {
          created: (p: { number: number; service: string; date: string; from: string; to: string; total: number; ticket: number | null }) =>
            `Order ${p.number}: ${p.service}, ${p.date} ${p.from}–${p.to}, ${m(p.total)}; ticket ${p.ticket ?? '—'}.`,
          assigned: (p: { number: number; name: string | null }) =>
            p.name ? `Order ${p.number}: executor is now ${p.name}.` : `Order ${p.number}: no executor.`,
          assignUnchanged: (p: { number: number }) => `Order ${p.number}: the executor is already so; nothing changed.`,
          cancelled: (p: { number: number; ticket: number | null; refundDue: number; kept: number }) =>
            `Order ${p.number} cancelled${p.ticket ? `, and its ticket ${p.ticket}` : ''}.${p.kept ? ` ${m(p.kept)} kept as a cancellation fee.` : ''}${p.refundDue ? ` ${m(p.refundDue)} is due for refund.` : ''}`,
          replayed: (p: { key: string; number: number }) => `Already booked with key ${p.key}: order ${p.number}; nothing written.`,
          /** What the source screen offers as buttons, as the commands that do them. */
          hints: {
            message: (n: number) => `Write a message...: cowork msg post ${n} --text …`,
            messageStaff: (n: number) => `Public | Internal. Write a message...: cowork msg post ${n} --text … [--internal]`,
            assign: (n: number) => `Change executor: cowork orders assign ${n} LOGIN`,
            pay: (n: number) => `Record payment: cowork pay record ${n}`,
            cancel: (n: number) => `Cancel order: cowork orders cancel ${n}`,
            refund: (n: number) => `Refund: cowork pay refund ${n} --amount …`,
          },
          range: (p: { range: PaymentRange; minRemaining: number }) =>
            `A payment may be ${rangeHint(p.range).replace(/^pay /, '')}: at least ${m(p.minRemaining)} must remain unless all is paid`,
        },
        reconcile: {
          summary: (p: { rows: number; differences: number }) =>
            `${f.plural(p.rows, { one: 'statement row', other: 'statement rows' })}; ${f.plural(p.differences, { one: 'difference', other: 'differences' })}.`,
          otherOrder: (p: { order: number }) => `cowork has it on order ${p.order}`,
          deskPayment: 'cowork has it as a desk payment',
          otherMethod: (p: { method: PaymentMethod }) => `method ${p.method} in cowork`,
          otherKind: (p: { kind: string }) => `cowork has it as a ${p.kind}`,
          repeated: (p: { line: number }) => `the same gateway id as line ${p.line}`,
          repeatedOther: (p: { line: number }) => `the same gateway id as line ${p.line}, with other values`,
        },
        pay: {
          recorded: (p: { number: number; amount: number; method: PaymentMethod; paid: number; total: number; remaining: number }) =>
            `Order ${p.number}: payment of ${m(p.amount)} (${method[p.method].toLowerCase()}) recorded. Paid ${m(p.paid)} of ${m(p.total)}, ${
              p.remaining ? `${m(p.remaining)} left to pay` : 'the order is confirmed'
            }.`,
          replayed: (p: { key: string; number: number }) => `Already recorded with key ${p.key} on order ${p.number}: nothing written.`,
          refunded: (p: { number: number; amount: number; method: PaymentMethod; due: number }) =>
            `Order ${p.number}: refund of ${m(p.amount)} (${method[p.method].toLowerCase()}) recorded. ${p.due ? `${m(p.due)} more is due for refund.` : 'Nothing more is due for refund.'}`,
          reversed: (p: { id: string; number: number; amount: number; paid: number; remaining: number }) =>
            `Order ${p.number}: payment ${p.id} of ${m(p.amount)} reversed. Paid ${m(p.paid)}${p.remaining ? `, ${m(p.remaining)} left to pay` : ''}.`,
          totals: (p: Sums) =>
            `${f.plural(p.entries, { one: 'entry', other: 'entries' })}: in ${m(p.in)}, refunded ${m(p.out)}, reversed ${m(p.reversed)}, net ${m(p.net)}`,
          report: (p: Sums & { from: string; to: string; drawer: number }) =>
            `${p.from === p.to ? p.from : `${p.from} – ${p.to}`}: in ${m(p.in)}, refunded ${m(p.out)}, reversed ${m(p.reversed)}, net ${m(p.net)} (${f.plural(p.entries, { one: 'entry', other: 'entries' })}). Cash in the drawer: ${m(p.drawer)}.`,
        },
        msg: {
          posted: (p: { number: number; visibility: 'public' | 'internal' }) =>
            `${visibility[p.visibility]} message posted on order ${p.number}.`,
        },
        tickets: {
          checkedIn: (p: { ticket: number; visitor: string }) => `Ticket ${p.ticket}: checked in (${p.visitor}).`,
        },
        services: {
          created: (p: { slug: string; name: string }) => `Service created: ${p.name} (${p.slug}).`,
          changed: (p: { slug: string; name: string }) => `Service changed: ${p.name} (${p.slug}).`,
        },
        users: {
          added: (p: { login: string; name: string; role: Role }) => `User added: ${p.name} (${p.login}), ${role[p.role].toLowerCase()}.`,
        },
        db: {
          migrated: (p: { applied: string[]; current: string }) => `Applied ${p.applied.join(', ')}: the schema is at ${p.current}.`,
          upToDate: (p: { current: string }) => `Nothing to apply: the schema is at ${p.current}.`,
        },
        login: {
          saved: (p: { login: string; name: string }) => `Operator for later runs: ${p.login} (${p.name}).`,
        },
        seed: {
          loaded: (p: FixtureCounts & { dryRun: boolean }) =>
            `${p.dryRun ? 'Dry run, nothing written: ' : ''}locations: +${p.locations.created} ~${p.locations.updated}; users: +${p.users.created} ~${p.users.updated}; ` +
            `services: +${p.services.created} ~${p.services.updated}; orders: +${p.orders.created}, ${p.orders.unchanged} unchanged; payments: +${p.payments}; messages: +${p.messages}`,
          generated: (p: { orders: number; payments: number; messages: number; dryRun: boolean }) =>
            `${p.dryRun ? 'Dry run, nothing written: ' : ''}orders created: ${p.orders}, payments: ${p.payments}, messages: ${p.messages}`,
          operatorSet: (p: { login: string; name: string }) =>
            `The current operator is now ${p.login} (${p.name}). Change it with \`cowork login LOGIN\` or --as LOGIN.`,
        },
        import: {
          // Plain digits: scripts read this line.
          summary: (p: ImportSummary & { dryRun: boolean }) =>
            `${p.dryRun ? 'Dry run, nothing written: ' : ''}${p.rows} ${f.word(p.rows, { one: 'row', other: 'rows' })}: ${p.recorded} recorded, ${p.matched} matched, ${p.duplicate} already there, ${p.rejected} rejected, ${p.warnings} with a warning; ${p.skipped} skipped (not payments)`,
          read: (p: { file: string; format: string; delimiter: string; encoding: string; zone: string | null }) =>
            `${p.file}: format ${p.format}, delimiter ${delimiterName(p.delimiter)}, ${p.encoding}${p.zone ? `, times in ${p.zone}` : ''}`,
        },
      };
    },

    /** System messages of the feed, rendered in the reader's language. */
    get events() {
      return {
        order_created: (p: { by: string | null; total: number }) => `Order created${p.by ? ` by ${p.by}` : ''}: ${m(p.total)}.`,
        payment_gateway: (p: { amount: number; method: PaymentMethod; warning: WarningCode | null }) =>
          `Payment received through the payment gateway.${p.warning ? ` ${warning[p.warning]}.` : ''}`,
        payment_refunded: (p: { amount: number; method: PaymentMethod; by: string | null; reason: string | null }) =>
          `Refund of ${m(p.amount)} (${method[p.method].toLowerCase()}) ${p.by ? `recorded by ${p.by}` : 'made through the payment gateway'}${p.reason ? `: ${p.reason}` : ''}.`,
        payment_reversed: (p: { amount: number; method: PaymentMethod; by: string; reason: string | null }) =>
          `Payment of ${m(p.amount)} (${method[p.method].toLowerCase()}) reversed as a mistake by ${p.by}${p.reason ? `: ${p.reason}` : ''}.`,
        payment_recorded: (p: { amount: number; method: PaymentMethod; by: string }) =>
          `Payment of ${m(p.amount)} (${method[p.method].toLowerCase()}) recorded by ${p.by}.`,
        order_confirmed: () => 'Order confirmed.',
        assignee_changed: (p: { to: string | null; by: string | null }) =>
          p.to === null ? `Executor removed${p.by ? ` by ${p.by}` : ''}.` : `Executor changed to ${p.to}${p.by ? ` by ${p.by}` : ''}.`,
        order_cancelled: (p: { by: string; reason: string | null; refundDue: number; kept: number }) =>
          `Order cancelled by ${p.by}${p.reason ? `: ${p.reason}` : ''}.${p.kept > 0 ? ` ${m(p.kept)} kept as a cancellation fee.` : ''}${p.refundDue > 0 ? ` ${m(p.refundDue)} due for refund.` : ''}`,
        ticket_checked_in: (p: { ticket: number; by: string }) => `Ticket ${p.ticket} checked in by ${p.by}.`,
      };
    },

    /** What an error says. Upper-case keys are the refusals by a rule: their key is their code. */
    get errors() {
      return {
        // Rules (exit 6)
        ORDER_CANCELLED: () => 'the order is cancelled: it can take no payment and no change',
        ORDER_ALREADY_PAID: () => 'the order is paid in full: nothing remains to pay',
        AMOUNT_EXCEEDS_REMAINING: (p: { amount: number; remaining: number }) =>
          `${m(p.amount)} is more than the remaining balance of ${m(p.remaining)}`,
        PARTIAL_PAYMENT_NOT_ALLOWED: (p: { remaining: number }) =>
          `the service does not allow partial payment: only the whole remaining balance of ${m(p.remaining)} can be paid`,
        REMAINING_BELOW_MINIMUM: (p: { amount: number; after: number; minRemaining: number; range: PaymentRange }) =>
          `after ${m(p.amount)} the remaining balance would be ${m(p.after)}, less than the minimum of ${m(p.minRemaining)}: ${rangeHint(p.range)}`,
        ALREADY_CANCELLED: () => 'the order is already cancelled',
        OUTSIDE_OPENING_HOURS: (p: { from: string; to: string; opensAt: string; closesAt: string }) =>
          `the period ${p.from}–${p.to} is outside the opening hours ${p.opensAt}–${p.closesAt}`,
        CAPACITY_EXCEEDED: (p: { service: string; capacity: number; booked: number }) =>
          `${p.service} has ${f.plural(p.capacity, { one: 'seat', other: 'seats' })}, and at the busiest moment of the period ${p.booked} ${p.booked === 1 ? 'is' : 'are'} booked`,
        INVALID_PERIOD: (p: { from: string; to: string }) => `the period ends (${p.to}) before it starts (${p.from})`,
        PERIOD_ENDED: (p: { date: string; from: string; to: string }) => `the period ${p.date} ${p.from}–${p.to} has already ended`,
        LOCAL_TIME_MISSING: (p: { date: string; time: string; zone: string }) =>
          `${p.date} ${p.time} does not exist in ${p.zone}: the clocks skip it (daylight saving time)`,
        PREPAYMENT_TOO_SMALL: (p: { needed: number; percent: number; partialPayment: boolean }) =>
          p.partialPayment
            ? `a guest pays at least ${p.percent} % online: --prepay ${f.amount(p.needed)} or more`
            : `this service takes the whole amount online: --prepay ${f.amount(p.needed)}`,
        APPLICANT_NOT_GUEST: (p: { login: string; role: Role }) =>
          `${p.login} is a ${role[p.role].toLowerCase()}: an order is booked for a guest (add one with \`cowork users add\`)`,
        TICKET_NOT_ACTIVE: (p: { ticket: number; status: TicketStatus }) =>
          `ticket ${p.ticket} is ${ticketStatus[p.status].toLowerCase()}, not active`,
        TICKET_NOT_CONFIRMED: (p: { ticket: number; status: OrderStatus }) =>
          `ticket ${p.ticket}: its order is not paid in full (${status[p.status].toLowerCase()})`,
        TICKET_NOT_TODAY: (p: { ticket: number; date: string; today: string }) =>
          `ticket ${p.ticket} is for ${p.date}, not today (${p.today})`,
        ASSIGNEE_NOT_ELIGIBLE: (p: { login: string; service: string }) =>
          `${p.login} cannot be the executor: not a rental manager responsible for ${p.service}, nor an admin`,
        MANAGER_NOT_ELIGIBLE: (p: { login: string; role: Role }) =>
          `${p.login} is a ${role[p.role].toLowerCase()}: only rental managers are responsible for a service`,
        USER_EXISTS: (p: { login: string }) => `a user with the login ${quote(p.login)} exists already`,
        SERVICE_EXISTS: (p: { slug: string }) => `a service ${quote(p.slug)} exists already: change it with \`cowork services set\``,
        NO_TARIFF: (p: { service: string }) => `the service ${p.service} has no tariff`,
        KEEP_EXCEEDS_PAID: (p: { keep: number; paid: number }) => `--keep ${m(p.keep)} is more than was paid (${m(p.paid)})`,
        NOTHING_TO_REFUND: () => 'nothing is due for refund on this order',
        REFUND_EXCEEDS_DUE: (p: { amount: number; due: number }) => `${m(p.amount)} is more than is due for refund (${m(p.due)})`,
        REFUND_EXCEEDS_PAID: (p: { amount: number; paid: number }) =>
          `a refund of ${m(p.amount)} is more than the order holds to give back (${m(p.paid)})`,
        NOT_A_PAYMENT: (p: { id: string; kind: EntryKind }) =>
          `entry ${p.id} is a ${entryKind[p.kind].toLowerCase()}: only a payment is reversed`,
        GATEWAY_NOT_REVERSIBLE: (p: { id: string }) =>
          `payment ${p.id} came through the payment gateway: the money was taken, so it is refunded (\`cowork pay refund\`), not reversed`,
        ALREADY_REVERSED: (p: { id: string; by: string }) => `payment ${p.id} is already reversed (entry ${p.by})`,
        REVERSAL_EXCEEDS_PAID: (p: { amount: number; paid: number }) =>
          `reversing ${m(p.amount)} would take back more than the order holds (${m(p.paid)}): the money was refunded or kept as a fee`,

        // Not found (exit 5)
        orderNotFound: (p: { number: number }) => `order ${p.number} not found`,
        ticketNotFound: (p: { number: number }) => `ticket ${p.number} not found`,
        userNotFound: (p: { login: string }) => `user ${quote(p.login)} not found`,
        serviceNotFound: (p: { slug: string }) => `service ${quote(p.slug)} not found`,
        locationNotFound: (p: { key: string }) => `location ${quote(p.key)} not found`,
        paymentNotFound: (p: { id: string }) => `payment ${p.id} not found`,
        tariffNotFound: (p: { service: string; name: string; names: string[] }) =>
          `the service ${p.service} has no tariff ${quote(p.name)} (it has: ${p.names.join(', ')})`,

        // Not allowed (exit 4)
        noOperator: () => 'no operator: pass --as LOGIN, set COWORK_USER, or run `cowork login LOGIN`',
        unknownOperator: (p: { login: string }) => `unknown operator ${quote(p.login)}`,
        notResponsible: (p: { login: string; service: string }) => `${p.login} is not responsible for the service ${p.service}`,
        guestMayNot: () => 'a guest may not do this',
        adminOnly: (p: { what: 'createServices' | 'changeServices' }) =>
          `only an admin may ${p.what === 'createServices' ? 'create services' : 'change services'}`,
        managerAddsGuestsOnly: (p: { role: Role }) =>
          `a rental manager may add guests only; adding a ${role[p.role].toLowerCase()} takes an admin`,
        staffAddUsers: () => 'only rental managers and admins may add users',
        guestBooksForSelf: () => 'a guest books for themselves only',
        internalStaffOnly: () => 'only the rental managers responsible for the service, and admins, write internal messages',

        // Conflicts (exit 7)
        keyConflict: (p: { key: string }) =>
          `the key ${quote(p.key)} was already used with other values (another order, kind, amount or method)`,
        bookingKeyConflict: (p: { key: string }) => `the key ${quote(p.key)} was already used for another booking with other values`,

        // Differences (exit 8)
        externalIdConflict: (p: { id: string }) => `the gateway id ${quote(p.id)} was already recorded with other values`,
        importRejected: (p: { rejected: number; rows: number }) =>
          `${f.number(p.rejected)} of ${f.plural(p.rows, { one: 'row', other: 'rows' })} rejected`,
        importWarnings: (p: { warnings: number; rows: number }) =>
          `${f.number(p.warnings)} of ${f.plural(p.rows, { one: 'row', other: 'rows' })} recorded with a warning: they need attention`,
        reconcileDifferences: (p: { differences: number }) =>
          `${f.plural(p.differences, { one: 'difference', other: 'differences' })} between the statement and cowork`,

        // Cancelled (exit 3), interrupted (130)
        notConfirmed: () => 'not confirmed: nothing changed',
        interrupted: () => 'interrupted',

        // Usage (exit 2)
        usage: (p: { text: string }) => p.text,
        unknownCommand: (p: { name: string; suggestions: string[] }) =>
          `unknown command ${quote(p.name)}${p.suggestions.length ? ` (did you mean ${either(p.suggestions)}?)` : ''}`,
        unknownOption: (p: { flag: string; suggestions: string[] }) =>
          `unknown option ${quote(p.flag)}${p.suggestions.length ? ` (did you mean ${either(p.suggestions)}?)` : ''}`,
        missingArgument: (p: { name: string }) => `missing argument ${p.name}`,
        missingOptionValue: (p: { flag: string }) => `${p.flag} needs a value`,
        excessArguments: (p: { count: number }) => `too many arguments (${f.number(p.count)} unexpected)`,
        invalidChoice: (p: { flag: string; value: string; choices: string[] }) =>
          `${p.flag}: ${quote(p.value)} is not one of ${p.choices.join(', ')}`,
        flagRequired: (p: { flags: string[] }) =>
          `${f.list(p.flags)} ${p.flags.length > 1 ? 'are' : 'is'} required (no prompt: input is not a terminal or is disabled)`,
        flagRequiredAtLeastOnce: (p: { flag: string }) => `${p.flag} is required at least once`,
        yesRequired: () => '--yes is required to cancel without a confirmation prompt',
        yesRequiredReverse: () => '--yes is required to reverse a payment without a confirmation prompt',
        notPositiveInt: (p: { what: string; value: string }) => `${p.what} must be a positive whole number, not ${quote(p.value)}`,
        notWholeNumber: (p: { what: string; value: string }) => `${p.what} must be a whole number, not ${quote(p.value)}`,
        notDate: (p: { flag: string; value: string }) => `${p.flag} must be a date YYYY-MM-DD, not ${quote(p.value)}`,
        notDay: (p: { flag: string; value: string }) =>
          `${p.flag} must be a date YYYY-MM-DD, today, yesterday or tomorrow, not ${quote(p.value)}`,
        dateOrPeriod: () => '--date names one day; --from and --to a period: give one or the other',
        notTime: (p: { flag: string; value: string }) => `${p.flag} must be a time HH:MM, not ${quote(p.value)}`,
        notAmount: (p: { flag: string; value: string }) =>
          `${p.flag}: ${quote(p.value)} is not an amount of rubles (a positive number with at most two decimals, such as 150, 150.50 or 150,50)`,
        notPhone: (p: { flag: string; value: string }) => `${p.flag}: ${quote(p.value)} is not a phone number`,
        notEmail: (p: { flag: string; value: string }) => `${p.flag}: ${quote(p.value)} is not an email address`,
        notLogin: (p: { value: string }) => `--login: ${quote(p.value)} may hold letters, digits, ".", "_" and "-" only`,
        notSlug: (p: { value: string }) => `--slug: ${quote(p.value)} may hold lower-case letters, digits and "-" only`,
        notTariff: (p: { value: string }) => `--tariff: ${quote(p.value)} is not NAME:hour|day:PRICE, such as "Стандарт:hour:100"`,
        notPercent: (p: { flag: string }) => `${p.flag} is a percent: 0 to 100`,
        notIsoTime: (p: { name: string; value: string }) => `${p.name}: ${quote(p.value)} is not an ISO-8601 time`,
        emptyValue: (p: { flag: string }) => `${p.flag} is empty`,
        emptyMessage: () => '--text: the message is empty',
        messageTooLong: (p: { length: number; max: number }) =>
          `--text: the message has ${f.number(p.length)} characters; at most ${f.number(p.max)} are allowed`,
        duplicateTariff: () => '--tariff: two tariffs have the same name',
        closesBeforeOpens: (p: { opensAt: string; closesAt: string }) =>
          `the service closes (${p.closesAt}) before it opens (${p.opensAt})`,
        fromAfterTo: (p: { from: string; to: string }) => `--from ${p.from} is after --to ${p.to}`,
        formatsContradict: (p: { format: string }) => `--json and --format ${p.format} contradict each other`,
        excelIsCsv: (p: { flag: string }) => `--excel writes CSV: it contradicts ${p.flag}`,
        goesWith: (p: { flag: string; with: string }) => `${p.flag} goes with ${p.with}`,
        prepayForGuests: () => '--prepay is for a guest booking online; a manager records payments with `cowork pay record`',
        locationRequired: (p: { count: number; keys: string[] }) =>
          p.count === 0
            ? '--location is required: there are no locations (load one with `cowork seed FILE`)'
            : `--location is required: there are ${f.plural(p.count, { one: 'location', other: 'locations' })} (${p.keys.join(', ')})`,
        seedOneMode: () => 'seed takes one of: --demo, a FILE, or --orders N',
        noHelpOn: (p: { topic: string; suggestions: string[] }) =>
          p.suggestions.length
            ? `no help on ${quote(p.topic)}: did you mean ${either(p.suggestions.map(quote))}?`
            : `no help on ${quote(p.topic)}: try \`cowork help\``,
        deskNeedsTerminal: () =>
          'the desk needs a terminal: run it in one, or use the commands (`cowork orders list`, `cowork pay record`…)',
        unknownShell: (p: { shell: string; shells: string[] }) =>
          `no completion for the shell ${quote(p.shell)}: choose one of ${p.shells.join(', ')}`,
        cannotRead: (p: { file: string; reason: string }) => `${p.file}: cannot read: ${p.reason}`,
        notJson: (p: { file: string; reason: string }) => `${p.file}: not JSON: ${p.reason}`,
        notCsv: (p: { file: string; line: number | null; reason: string }) => `${p.file}:${p.line ?? '?'}: not CSV: ${p.reason}`,
        notUtf8: (p: { file: string; line: number }) =>
          `${p.file}:${p.line}: not UTF-8 text; a file saved by a Russian Windows needs --encoding windows-1251`,
        openQuote: (p: { file: string; line: number }) => `${p.file}:${p.line}: a quoted value opens here and never closes`,
        fixtureProblems: (p: { file: string; problems: FixtureProblem[] }) =>
          p.problems.map((x) => `${p.file}: ${x.path}: ${fixtureIssue(x.issue)}`).join('\n'),
        statementEmpty: (p: { file: string }) => `${p.file}: empty: expected a header external_id,order_number,amount,paid_at,method`,
        statementHeader: (p: { file: string; expected: string[]; missing: string[]; unknown: string[]; line?: number }) =>
          `${p.file}:${p.line ?? 1}: the header must be ${p.expected.join(',')}` +
          (p.missing.length ? `; missing ${p.missing.join(', ')}` : '') +
          (p.unknown.length ? `; unknown ${p.unknown.join(', ')}` : ''),
        statementCell: (p: { file: string; line: number; column: string; problem: CellProblem }) =>
          `${p.file}:${p.line}: column ${p.column}: ${cellProblem(p.problem)}`,

        // The database (exit 1)
        databaseBusy: () => 'the database stayed busy: another desk is holding it; try again',
        databaseFull: () => 'the disk is full: nothing was written; free some space and try again',
        databaseReadOnly: () => 'the database is read-only here: cowork cannot write to it (check its file and folder permissions)',
        databaseCorrupt: () => 'the database file is damaged or is not a cowork database',
        databaseCannotOpen: () => 'cannot open the database file (check that its folder exists and may be written)',
        sqliteDriverMissing: (p: { driver: string; node: string }) =>
          `SQLite's driver for Node ${p.node} (${p.driver}) is not installed: install cowork again where python3, make and a C++ compiler are found (its install builds the driver), or run it on Node 24, or use the single executable`,
        databaseUnreachable: () => 'the database server cannot be reached or ended the connection; nothing was written',
        databaseNewer: (p: { current: string; latest: string }) =>
          `the database's schema (${p.current}) is newer than this cowork knows (${p.latest}): upgrade cowork`,
        unexpected: (p: { message: string }) => `unexpected failure: ${p.message}`,

        // Fixtures and generated orders
        periodNotOneDay: (p: { start: string; end: string; zone: string }) =>
          `the rental period ${p.start}–${p.end} (${p.zone}) is not within one day: a booking starts and ends on the same local day, by 24:00`,
        lineAmountTooLarge: (p: { quantity: number; unitPrice: number; max: number }) =>
          `${f.number(p.quantity)} × ${m(p.unitPrice)} is more than an amount may be (${m(p.max)} at most)`,
        totalTooLarge: (p: { max: number }) => `the order's total is more than an amount may be (${m(p.max)} at most)`,
        ticketStatusOfOrder: (p: { ticket: number; status: TicketStatus; cancelled: boolean }) =>
          p.cancelled
            ? `ticket ${p.ticket} is ${ticketStatus[p.status].toLowerCase()}, but its order is cancelled: cancelling an order cancels its ticket`
            : `ticket ${p.ticket} is cancelled, but its order is not: a ticket is cancelled by cancelling its order`,
        NOTHING_TO_SEED: (p: { missing: 'services' | 'guests' }): string =>
          p.missing === 'services'
            ? 'no service to book: none has a tariff and an hour of opening (add one with `cowork services create`, or load a fixture with `cowork seed FILE`)'
            : 'no guest to book for (add one with `cowork users add --role guest`, or load a fixture with `cowork seed FILE`)',

        // The database's faults: not found (exit 5), its waits (exit 1), its URL (exit 2)
        databaseMissing: (p: { location: string }) =>
          `there is no cowork database at ${quote(p.location)} yet: \`cowork seed --demo\` creates one with the demo, \`cowork db migrate\` an empty one`,
        databaseTimeout: () =>
          'the database server did not answer in time; nothing was written (the limits are the connect_timeout, statement_timeout and lock_timeout of its URL)',
        notTimeout: (p: { name: string; value: string; unit: 'ms' | 's' }) =>
          `${p.name} of the database URL: ${quote(p.value)} is not a duration (a whole number of ${p.unit === 'ms' ? 'milliseconds' : 'seconds'}, or one with ms, s or min)`,
        statementFormat: (p: {
          file: string;
          tried: string[];
          fits: string[];
          delimiter: string | null;
          encoding: string;
          cells: string[];
        }) =>
          `${p.file}: ${p.fits.length > 1 ? `the header fits several formats (${p.fits.join(', ')}): name one with --format` : `no known format fits (tried ${p.tried.join(', ')}): name one with --format, or describe it with --map`}. ` +
          `The file: delimiter ${p.delimiter === null ? 'not found' : delimiterName(p.delimiter)}, ${p.encoding}, first cells ${p.cells.length ? p.cells.map(quote).join(', ') : 'none'}`,
        statementMap: (p: { file: string; problems: { path: string; problem: SchemaProblem }[] }) =>
          p.problems.map((x) => `${p.file}: ${x.path}: ${schemaProblem(x.problem)}`).join('\n'),
        statementZone: (p: { zones: string[] }) =>
          `the statement's times have no offset, and the locations are in ${p.zones.length ? p.zones.join(', ') : 'no zone'}: name the zone with --time-zone`,
        notTimeZone: (p: { flag: string; value: string }) => `${p.flag}: ${quote(p.value)} is not a time zone (such as Europe/Moscow)`,
        formatOrMap: () => '--format names a known format, --map describes another: give one or the other',
      };
    },
  });

/** Made on first use (./lazy.ts): a run in Russian never makes it. */
export const en = lazy(english);

/** What is wrong with a statement's cell. */
export type CellProblem =
  | { kind: 'columns'; expected: number; found: number }
  | { kind: 'empty' }
  | { kind: 'orderNumber'; value: string }
  | { kind: 'amount'; value: string }
  | { kind: 'instant'; value: string }
  | { kind: 'method'; value: string; choices: string[] }
  | { kind: 'money'; value: string; decimal: '.' | ',' }
  | { kind: 'time'; value: string; formats: string[] }
  | { kind: 'currency'; value: string }
  | { kind: 'noMatch'; value: string; pattern: string };

const typeName = {
  text: 'text',
  number: 'a number',
  wholeNumber: 'a whole number',
  boolean: 'true or false',
  list: 'a list',
  object: 'an object',
  other: 'another kind of value',
} as const;
const formatName = {
  instant: 'an ISO-8601 time with an offset, such as 2023-08-11T13:32:00+05:00',
  time: 'a time HH:MM',
  date: 'a date YYYY-MM-DD',
  timeZone: 'an IANA time zone, such as Europe/Moscow',
  login: 'a login of letters, digits, ".", "_" or "-"',
  slug: 'a slug of lower-case letters, digits and "-"',
  pattern: 'a regular expression',
  timePattern: 'ISO, or a pattern with yyyy, MM, dd, HH and mm',
  orderOrParent: 'the column of the order number (or, for refunds, of the parent payment)',
} as const;

/** What a value of the wrong shape should have been. */
export function schemaProblem(p: SchemaProblem): string {
  switch (p.what) {
    case 'type':
      return `expected ${typeName[p.expected]}`;
    case 'choice':
      return `expected one of ${p.choices.map(quote).join(', ')}`;
    case 'unknownKeys':
      return `unknown ${p.keys.length === 1 ? 'key' : 'keys'} ${p.keys.map(quote).join(', ')}`;
    case 'tooSmall':
      return p.of === 'text'
        ? p.minimum <= 1
          ? 'expected text, not an empty one'
          : `expected at least ${f.number(p.minimum)} characters`
        : p.of === 'list'
          ? `expected at least ${f.plural(p.minimum, { one: 'item', other: 'items' })}`
          : `expected at least ${f.number(p.minimum)}`;
    case 'tooBig':
      return p.of === 'text'
        ? `expected at most ${f.number(p.maximum)} characters`
        : p.of === 'list'
          ? `expected at most ${f.plural(p.maximum, { one: 'item', other: 'items' })}`
          : `expected at most ${f.number(p.maximum)}`;
    case 'format':
      return `expected ${formatName[p.format]}`;
    case 'invalid':
      return 'not a valid value here';
  }
}

/** What a fixture's problem is. */
export function fixtureIssue(i: FixtureIssue): string {
  switch (i.kind) {
    case 'schema':
      return schemaProblem(i.problem);
    case 'duplicateKey':
      return `duplicate key ${JSON.stringify(i.key)}`;
    case 'duplicateExternalId':
      return `duplicate external id ${quote(i.id)}`;
    case 'unknown':
      return `unknown ${i.what} ${quote(i.value)}`;
    case 'unknownTariff':
      return `unknown tariff ${quote(i.tariff)} of service ${quote(i.service)}`;
    case 'recordedByMissing':
      return 'a desk payment (source manager) names who recorded it';
    case 'reversesWhat':
      return 'a reversal names the index of an earlier payment of its order in `reverses`; no other entry does';
    case 'periodEnds':
      return 'the rental period ends before it starts';
    case 'ticketTaken':
      return `ticket ${i.ticket} exists already, on another order`;
    case 'externalIdTaken':
      return `external id ${quote(i.id)} exists already`;
    case 'rule':
      return (en.errors[i.said.key] as (...a: unknown[]) => string)(...i.said.args);
  }
}

/** The counts of a fixture's load. */
interface FixtureCounts {
  locations: { created: number; updated: number };
  users: { created: number; updated: number };
  services: { created: number; updated: number };
  orders: { created: number; unchanged: number };
  payments: number;
  messages: number;
}

function cellProblem(p: CellProblem): string {
  switch (p.kind) {
    case 'columns':
      return `expected ${p.expected} columns, found ${p.found}`;
    case 'empty':
      return 'empty';
    case 'orderNumber':
      return `${quote(p.value)} is not an order number`;
    case 'amount':
      return `${quote(p.value)} is not a positive amount of rubles such as 400.00`;
    case 'instant':
      return `${quote(p.value)} is not an ISO-8601 time with an offset, such as 2023-08-11T13:32:00+05:00`;
    case 'method':
      return `${quote(p.value)} is not one of ${p.choices.join(', ')}`;
    case 'money':
      return `${quote(p.value)} is not an amount of rubles such as ${p.decimal === ',' ? '400,00' : '400.00'}`;
    case 'time':
      return `${quote(p.value)} is not a time such as ${p.formats.join(' or ')}`;
    case 'currency':
      return `${quote(p.value)}: cowork keeps rubles (RUB) only`;
    case 'noMatch':
      return `${quote(p.value)} does not hold ${quote(p.pattern)}`;
  }
}

/** A delimiter as a person reads it. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/** The amounts a desk payment may take now, as advice. */
export function rangeHint(r: PaymentRange): string {
  if (r.full <= 0) return 'nothing can be paid';
  if (!r.partial) return `only exactly ${m(r.full)} can be paid`;
  if (r.partial.min === r.partial.max) return `pay exactly ${m(r.partial.min)}, or exactly ${m(r.full)}`;
  return `pay ${m(r.partial.min)} to ${m(r.partial.max)}, or exactly ${m(r.full)}`;
}

export type Catalog = typeof en;
