/**
 * Every word of cowork in Russian: the words of the source document's screen (Исполнитель, Билет,
 * Период аренды, Итоговая стоимость, Оплачено…). The same keys as ./en.ts, checked by the
 * compiler. No wording depends on the gender of a name: a person is named after a colon or in
 * brackets («Заказ отменён (Ольга Смирнова)»), never as the subject of a verb.
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
import { formatter } from '../format.js';
import { lazy, sections } from './lazy.js';
import type { Catalog, CellProblem } from './en.js';
import type { FixtureIssue, SchemaProblem } from '../../core/fixture-refs.js';

const f = formatter('ru');
const m = f.money;
const quote = (s: string) => `«${s}»`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Names offered as alternatives: "a, b или c" (built only when a message needs it). */
const either = (names: string[]) => new Intl.ListFormat('ru', { type: 'disjunction' }).format(names);

const status: Record<OrderStatus, string> = {
  awaiting_payment: 'Ожидает оплаты',
  partially_paid: 'Частично оплачен',
  confirmed: 'Подтвержден',
  cancelled: 'Отменен',
};
const ticketStatus: Record<TicketStatus, string> = { active: 'Активен', checked_in: 'Посещение отмечено', cancelled: 'Отменен' };
const method: Record<PaymentMethod, string> = { card: 'Банковская карта', cash: 'Наличные', transfer: 'Банковский перевод' };
const role: Record<Role, string> = { guest: 'Гость локации', rental_manager: 'Менеджер по аренде', admin: 'Администратор' };
const visibility: Record<Visibility, string> = { public: 'Публичное', internal: 'Внутреннее', system: 'Система' };
const entryKind: Record<EntryKind, string> = { payment: 'Оплата', refund: 'Возврат', reversal: 'Сторно' };
const source: Record<PaymentSource, string> = { gateway: 'Платёжный шлюз', manager: 'Касса' };
const warning: Record<WarningCode, string> = {
  REMAINING_BELOW_MINIMUM: 'К оплате осталось меньше минимума',
  OVERPAID: 'Оплачено больше стоимости: разница к возврату',
  ORDER_CANCELLED: 'Заказ отменён: деньги к возврату',
  REFUND_EXCEEDS_DUE: 'Возвращено больше, чем причиталось',
};

const seats = { one: 'место', few: 'места', many: 'мест', other: 'места' };
const rows = { one: 'строка', few: 'строки', many: 'строк', other: 'строки' };

export const ru: Catalog = lazy((): Catalog =>
  sections({
    lang: 'ru',
    status,
    ticketStatus,
    method,
    role,
    visibility,
    entryKind,
    source,
    warning,

    get words(): Catalog['words'] {
      return {
        kind: 'Вид',
        takingsIn: 'Поступило',
        takingsOut: 'Возвращено',
        net: 'Итого',
        entries: 'Записей',
        entry: 'запись',
        reference: 'Документ',
        reversed: 'Сторнирована',
        refund: 'К возврату',
        kept: 'Удержано (плата за отмену)',
        refundedLabel: 'Возвращено',
        reversedLabel: 'Сторно',
        reversalOf: (id) => `Сторно записи ${id}`,
        reversedBy: (id) => `сторнирована записью ${id}`,
        order: 'Заказ',
        executor: 'Исполнитель',
        notAssigned: 'Не назначено',
        orderDetails: 'Детали заказа',
        ticket: 'Билет',
        visitor: 'Посетитель',
        phone: 'Телефон',
        tariff: 'тариф',
        rentalPeriod: 'Период аренды',
        ticketCost: 'Стоимость билета',
        totalCost: 'Итоговая стоимость',
        payment: 'Оплата',
        noPayments: 'Оплат ещё нет',
        paidLabel: 'Оплачено',
        paidTotal: 'Оплачено',
        remaining: 'Остаток к оплате',
        refundDue: 'К возврату',
        applicant: 'Заявитель',
        dueDate: 'Срок исполнения',
        today: 'Сегодня',
        tomorrow: 'Завтра',
        yesterday: 'Вчера',
        system: 'Система',
        noMessages: 'Сообщений нет',
        cancelled: 'Отменен',
        reason: 'Причина',
        service: 'Услуга',
        status: 'Статус',
        period: 'Период',
        total: 'Сумма',
        left: 'Остаток',
        number: 'Номер',
        created: 'Создан',
        capacity: 'Вместимость',
        hours: 'Часы работы',
        partialPayment: 'Частичная оплата',
        prepayment: 'предоплата',
        allowed: 'разрешена',
        notAllowed: 'не разрешена',
        tariffs: 'Тарифы',
        managers: 'Ответственные менеджеры',
        location: 'Локация',
        perHour: 'в час',
        perDay: 'в день',
        login: 'Логин',
        name: 'Имя',
        role: 'Роль',
        email: 'Эл. почта',
        method: 'Способ',
        source: 'Источник',
        recordedBy: 'Провёл',
        amount: 'Сумма',
        when: 'Когда',
        gateway: 'платёжный шлюз',
        desk: 'менеджер',
        none: '—',
        public: 'Публичное',
        internal: 'Внутреннее',
        services: 'Услуги',
        database: 'База данных',
        seats: (n) => f.plural(n, seats),
        periodText: (p) => `${p.date}, с ${p.from} до ${p.to}`,
        longDate: (date) => f.longDate(date),
        more: (n) => `… и ещё ${f.plural(n, { one: 'заказ', few: 'заказа', many: 'заказов', other: 'заказа' })} (--limit покажет их)`,
        moreRows: (n) => `… и ещё ${f.number(n)} (--limit покажет их)`,
        noOrders: 'Заказов нет',
        noTickets: 'Билетов нет',
        noRows: 'Показать нечего',
        range: (r) => rangeHint(r),
        title: 'Название',
        db: {
          schema: 'Схема',
          empty: '(пусто)',
          upToDate: 'актуальна',
          newer: (p) => `новее, чем знает этот cowork (${p.latest}): обновите cowork`,
          pending: (p) => `не применены: ${p.names.join(', ')} (выполните cowork db migrate)`,
        },
      };
    },

    get help(): Catalog['help'] {
      return sections({
        program: 'Рабочее место менеджера по аренде коворкинга в терминале',
        version: 'показать версию',
        helpOption: 'справка по команде',
        titles: {
          'Usage:': 'Использование:',
          'Options:': 'Флаги:',
          'Commands:': 'Команды:',
          'Arguments:': 'Аргументы:',
          'Global Options:': 'Общие флаги:',
          'Examples:': 'Примеры:',
        },
        globals: {
          db: 'база данных: путь к файлу или postgres://… (переменная COWORK_DB)',
          as: 'оператор (переменная COWORK_USER или логин, сохранённый командой cowork login)',
          json: 'вывод в JSON (у списков — то же, что --format json)',
          noColor: 'без цвета (также NO_COLOR, TERM=dumb)',
          lang: 'язык вывода: en или ru (переменная COWORK_LANG, иначе LANG)',
          noInput: 'никогда не задавать вопросов: недостающее значение — ошибка (переменная COWORK_NO_INPUT)',
          yes: 'отвечать «да» на подтверждения',
        },
        nouns: {
          orders: 'заказы: список, просмотр, создание, исполнитель, отмена',
          pay: 'деньги: провести оплату, вернуть, сторнировать ошибку, список, выручка за день, загрузка и сверка выписки платёжного шлюза',
          msg: 'сообщения заказа: написать, список',
          tickets: 'билеты: список (кто придёт в этот день), просмотр, отметка посещения',
          services: 'услуги коворкинга: список, просмотр, создание, изменение',
          users: 'пользователи: список, добавление',
          db: 'база данных: состояние, миграция',
          seed: 'загрузка данных: демо, файл фикстуры (одной транзакцией, повторяемо) или сгенерированные заказы',
          whoami: 'кто оператор и где его база данных',
          login: 'запомнить ЛОГИН как оператора для следующих запусков (--as и COWORK_USER важнее)',
          desk: 'рабочее место: найти заказ, открыть его и обработать из меню (также просто `cowork` в терминале)',
          completion: 'вывести скрипт дополнения команд для bash, zsh или fish (как его включить, написано в README)',
          help: 'справка по команде или теме: exit-codes, environment',
        },
        format: 'table, json, ndjson или csv',
        excel: 'CSV, который русский Excel открывает правильно (BOM, «;», десятичная запятая, местное время); подразумевает --format csv',
        orderNumber: 'номер заказа',
        choices: 'одно из',
        optionsWord: '[флаги]',
        commandWord: '[команда]',
        get orders(): Catalog['help']['orders'] {
          return {
            list: {
              description: 'заказы, которые вам доступны, сначала новые',
              status: 'только эти статусы (awaiting_payment, partially_paid, confirmed, cancelled); можно повторить или перечислить',
              service: 'только заказы этой услуги',
              assignee: 'только заказы этого исполнителя; none — без исполнителя; me — ваши',
              from: 'только заказы, период аренды которых захватывает эту местную дату или позже',
              to: 'только заказы, период аренды которых захватывает эту местную дату или раньше',
              refundDue: 'только заказы, по которым есть деньги к возврату',
              search:
                'найти заказы по номеру заказа или билета, имени заявителя или посетителя (регистр и ё/е не важны; должно совпасть каждое слово) или цифрам телефона (+7 912…, 8 912… или любая часть)',
              applicant: 'только заказы этого заявителя (логин); me — ваши',
              sort: 'created — сначала новые (по умолчанию); start — по началу аренды, сначала ранние, в порядке прихода',
              limit: (n) => `не больше N заказов (таблица показывает ${n}, если не указано)`,
            },
            show: { description: 'заказ: статус, исполнитель, билет, состав, оплата, заявитель, срок исполнения и сообщения' },
            create: {
              description: 'забронировать коворкинг: менеджером для гостя или самим гостем; выводит номер нового заказа',
              service: 'услуга (в терминале — вопросом)',
              applicant: 'гость, который бронирует (гость бронирует для себя)',
              date: 'день аренды, по местному времени: ГГГГ-ММ-ДД, today или tomorrow',
              from: 'начало, местное время',
              to: 'окончание, местное время',
              tariff: 'тариф (по умолчанию — первый тариф услуги)',
              visitorName: 'кто придёт, если не заявитель',
              visitorPhone: 'телефон посетителя',
              prepay: 'бронирование гостем: сумма, оплаченная онлайн сейчас (не меньше предоплаты услуги)',
              paymentId: 'идентификатор этой онлайн-оплаты в платёжном шлюзе, как он будет в выписке',
              idempotencyKey: 'ключ, с которым повтор безопасен: с одним ключом бронирование создаётся один раз',
            },
            assign: {
              description: 'передать заказ коллеге (изменить исполнителя); none снимает исполнителя',
              login: 'менеджер по аренде, ответственный за услугу, администратор, none или me',
            },
            cancel: {
              description: 'отменить заказ и его билет; оплаченное остаётся в учёте и подлежит возврату',
              reason: 'причина: попадёт в сообщения заказа',
              keep: 'удержать плату за отмену, в рублях (не больше оплаченного); остальное — к возврату',
            },
          };
        },
        get pay(): Catalog['help']['pay'] {
          return {
            list: {
              description:
                'движение денег, сначала старое: оплаты, возвраты и сторно одного заказа или всех доступных вам; в конце таблицы — итоги',
              order: 'только записи этого заказа',
              source: 'только через платёжный шлюз (gateway) или на ресепшене (manager)',
              from: 'только записи этого местного дня или позже (ГГГГ-ММ-ДД, today, yesterday; день каждой локации свой)',
              to: 'только записи этого местного дня или раньше',
              method: 'только записи этим способом: cash, card или transfer',
              kind: 'только оплаты (payment), возвраты (refund) или сторно (reversal)',
              recordedBy: 'только записи, проведённые этим пользователем на ресепшене; me — вами',
              limit: 'не больше N записей',
            },
            report: {
              description:
                'выручка за местный день (дни): поступило, возвращено, сторнировано и итог по способам и источникам, менеджерам или услугам, и наличные в кассе',
              date: 'день (ГГГГ-ММ-ДД, today, yesterday; по умолчанию сегодня)',
              from: 'первый день периода',
              to: 'последний день периода',
              by: 'группировать по способу (и источнику), менеджеру или услуге (по умолчанию method)',
            },
            refund: {
              description: 'вернуть деньги гостю: не больше суммы к возврату; можно частями',
              amount: 'сумма в рублях (в терминале — вопросом, с допустимым диапазоном)',
              method: 'как возвращаются деньги: cash, card или transfer (по умолчанию cash)',
              reason: 'причина: попадёт в сообщения заказа',
            },
            reverse: {
              description: 'сторнировать ошибочно проведённую оплату: новая запись, которая на неё ссылается; один раз на оплату',
              payment: 'номер записи оплаты (его показывает `cowork pay list --order N`)',
              reason: 'причина: попадёт в сообщения заказа',
            },
            reconcile: {
              description: 'сверить выписку платёжного шлюза с оплатами в cowork; ничего не записывает',
              file: 'выписка (CSV: external_id,order_number,amount,paid_at,method) или - для stdin',
              format: (p) => `формат выписки: ${p.names.join(', ')} (по умолчанию — тот, которому подходит заголовок)`,
              map: 'файл сопоставления (JSON) для реестра другого шлюза: разделитель, кодировка, столбцы и пропускаемые строки',
              encoding: 'кодировка файла: utf-8 или windows-1251 (по умолчанию определяется по файлу)',
              timeZone: 'часовой пояс времени без смещения (по умолчанию — пояс формата, иначе локации)',
            },
            record: {
              description: 'провести оплату гостя на ресепшене: весь остаток или его часть',
              amount: 'сумма в рублях: 150, 150.50 или 150,50 (в терминале — вопросом)',
              method: 'способ оплаты: cash, card или transfer (по умолчанию cash; в терминале — вопросом)',
              idempotencyKey: 'ключ, с которым повтор безопасен: с одним ключом оплата проводится один раз',
              reference: 'номер чека кассы или реквизиты перевода',
            },
          };
        },
        get msg(): Catalog['help']['msg'] {
          return {
            post: {
              description:
                'написать сообщение в ленту заказа: публичное (его видит гость) или внутреннее, --internal (ответственные менеджеры и администраторы); выводит номер сообщения',
              text: (p) => `текст сообщения, не более ${f.number(p.max)} символов; - читает его из stdin (в терминале — вопросом)`,
              internal: 'только для менеджеров по аренде, ответственных за услугу, и администраторов (в терминале — вопросом)',
            },
            list: {
              description: 'лента заказа: системные события, публичные и внутренние сообщения, от старых к новым',
              format: 'table (лента), json, ndjson или csv',
            },
          };
        },
        get tickets(): Catalog['help']['tickets'] {
          return {
            number: 'номер билета',
            list: {
              description:
                'билеты, аренда по которым начинается в этот местный день, сначала ранние (кто придёт); без --date — сегодняшние и все последующие',
              date: 'только билеты, начинающиеся в этот местный день (ГГГГ-ММ-ДД, today, tomorrow, yesterday; у каждой площадки свой)',
              status: 'только эти статусы (active, checked_in, cancelled); можно повторить или перечислить',
              limit: (n) => `не больше N билетов (таблица показывает ${n}, если не указано)`,
            },
            show: { description: 'показать билет бронирования: посетитель, период аренды, заказ' },
            checkIn: { description: 'отметить посещение: активный билет оплаченного заказа, в день аренды; выводит номер билета' },
          };
        },
        get services(): Catalog['help']['services'] {
          return {
            slug: 'код услуги',
            list: {
              description: 'список услуг: менеджер по аренде видит те, за которые отвечает; администратор и гость — все',
              all: 'принимается ради старых скриптов; список тот же',
            },
            show: { description: 'показать услугу: вместимость, часы работы, тарифы, частичная оплата, ответственные менеджеры' },
            create: {
              description: 'создать услугу коворкинга (только администратор); выводит её код',
              slug: 'код услуги: строчные латинские буквы, цифры и «-»',
              name: 'название, которое видят гости, например «Коворкинг на 2 этаже»',
              capacity: 'мест: сколько бронирований может пересекаться',
              location: 'локация (по умолчанию — единственная)',
            },
            set: {
              description: 'изменить настройки услуги (только администратор); не указанное остаётся; выводит её код',
              name: 'новое название',
              capacity: 'мест: сколько бронирований может пересекаться',
            },
            opens: 'время открытия, ЧЧ:ММ (по умолчанию 08:00)',
            closes: 'время закрытия, ЧЧ:ММ (по умолчанию 22:00)',
            tariff: 'тариф, например «Стандарт:hour:100» (цена в рублях); можно несколько; заменяет все',
            partialPayment: 'разрешить частичную оплату',
            noPartialPayment: 'принимать только оплату всей суммы',
            minPrepayment: 'наименьшая онлайн-предоплата гостя, в процентах',
            manager: 'ответственные менеджеры по аренде (заменяет всех)',
            addManager: 'добавить ответственных менеджеров по аренде',
            removeManager: 'убрать ответственных менеджеров по аренде',
          };
        },
        get users(): Catalog['help']['users'] {
          return {
            list: {
              description: 'список пользователей (для менеджеров по аренде и администраторов)',
              role: 'только пользователи с этой ролью',
              search:
                'найти пользователей по имени (регистр и ё/е не важны; должно совпасть каждое слово), цифрам телефона, логину или email',
              limit: 'не больше N пользователей',
            },
            add: {
              description:
                'добавить пользователя: менеджер по аренде добавляет гостей (пришедших на ресепшен), администратор — любого; выводит логин',
              login: 'буквы, цифры, «.», «_» или «-»; уникален без учёта регистра',
              name: 'полное имя',
              phone: 'например +7 (342) 254-54-54',
              email: 'адрес эл. почты',
              role: 'guest, rental_manager или admin',
            },
          };
        },
        get db(): Catalog['help']['db'] {
          return {
            status: { description: 'база данных: где она, миграции схемы — применённые и ожидающие' },
            migrate: {
              description: 'обновить схему базы данных (можно с нескольких рабочих мест одновременно); выводит применённые миграции',
            },
          };
        },
        login: { login: 'пользователь базы данных' },
        completion: { shell: 'bash, zsh или fish' },
        helpTopic: { topic: 'exit-codes, environment или команда, например `orders list`' },
        get exitCodes(): Catalog['help']['exitCodes'] {
          return {
            ruleCode: '(код правила)',
            meaning: {
              OK: 'выполнено (в том числе пустой список)',
              UNEXPECTED: 'непредвиденный сбой; также база данных недоступна, не ответила вовремя, только для чтения или диск заполнен',
              USAGE: 'ошибка вызова: неизвестная команда или флаг, неверное значение, нет значения там, где спросить нельзя',
              CANCELLED: 'отменено: подтверждение не получено',
              NOT_ALLOWED: 'нет доступа: неизвестный оператор, не та роль, не ответственный за услугу',
              NOT_FOUND: 'не найдено: заказ, билет, оплата, пользователь, услуга или сама база данных',
              RULE: 'отказ по правилу: остаток не менее 50 ₽, отменённый заказ, частичная оплата не разрешена, вместимость …',
              CONFLICT: 'конфликт: ключ идемпотентности или идентификатор платежа шлюза использован повторно с другими параметрами',
              DIFFERENCES:
                'расхождения: сверка нашла несовпадения, или загрузка отклонила строки или провела их с предупреждением (нужно внимание)',
              INTERRUPTED: 'прервано (Ctrl-C)',
            },
          };
        },
        get environment(): Catalog['help']['environment'] {
          return {
            COWORK_DB:
              'база данных: путь к файлу или postgres://… (как --db); по умолчанию $XDG_DATA_HOME/cowork/cowork.db. В адресе postgres:// можно ограничить ожидание: ?connect_timeout=10 (секунды), &statement_timeout=60000, &lock_timeout=30000 (миллисекунды; это значения по умолчанию; 0 — без предела)',
            COWORK_USER: 'оператор (как --as); иначе логин, сохранённый командой cowork login',
            COWORK_LANG: 'en или ru (как --lang); иначе из LC_ALL, LC_MESSAGES или LANG',
            COWORK_NO_INPUT: 'любое непустое значение, кроме 0 и false: никогда не задавать вопросов (как --no-input)',
            COWORK_NOW: 'время ISO-8601, которое останавливает часы, для тестов и демонстраций',
            COWORK_DEBUG: 'печатать стек вызовов при непредвиденном сбое',
            NO_COLOR: 'без цвета (также --no-color, TERM=dumb или вывод не в терминал)',
            COLUMNS:
              'ширина в символах, под которую подгоняются таблицы в терминале (иначе ширина самого терминала); вывод в конвейер не обрезается',
            XDG_DATA_HOME: 'где лежит база данных по умолчанию (по умолчанию ~/.local/share)',
            XDG_CONFIG_HOME: 'где хранится сохранённый логин: cowork/config.json (по умолчанию ~/.config)',
            XDG_CACHE_HOME:
              'где cowork хранит то, что ускоряет его запуск, в папке cowork/ (по умолчанию ~/.cache): скомпилированный код, текст --help, модуль SQLite единого исполняемого файла; папку можно удалить',
            COWORK_SQLITE_ADDON: 'файл модуля драйвера SQLite (better_sqlite3.node), который загрузить вместо установленного',
            COWORK_TEST_PG_URL: 'только для тестов: сервер PostgreSQL для прогона тестов на PostgreSQL',
          };
        },
        get seed(): Catalog['help']['seed'] {
          return {
            description: 'загрузка данных: демо, файл фикстуры (одной транзакцией, повторяемо) или сгенерированные заказы',
            file: 'файл фикстуры (JSON; пример: examples/fixture.json) или - для стандартного ввода',
            demo: 'демо: коворкинг в Перми, его менеджеры и гости, заказ 1006313',
            orders: 'сгенерировать N правдоподобных заказов (детерминированно)',
            randomSeed: 'начальное значение для --orders (по умолчанию 1)',
            dryRun: 'проверить и показать итог, ничего не записывая',
          };
        },
        get payImport(): Catalog['help']['payImport'] {
          return {
            description:
              'провести выписку платёжного шлюза (CSV: external_id,order_number,amount,paid_at,method); повторный запуск безопасен',
            file: 'выписка или - для стандартного ввода',
            dryRun: 'решить и показать каждую строку, ничего не записывая',
            format: (p) => `формат выписки: ${p.names.join(', ')} (по умолчанию — тот, которому подходит заголовок)`,
            map: 'файл сопоставления (JSON) для реестра другого шлюза: разделитель, кодировка, столбцы и пропускаемые строки',
            encoding: 'кодировка файла: utf-8 или windows-1251 (по умолчанию определяется по файлу)',
            timeZone: 'часовой пояс времени без смещения (по умолчанию — пояс формата, иначе локации)',
          };
        },
        get examples(): Catalog['help']['examples'] {
          return {
            'orders list': [
              ['cowork orders list --status awaiting_payment partially_paid', 'Заказы, которые ещё ждут оплаты'],
              ['cowork orders list --assignee none --from today', 'Заказы с сегодняшнего дня, у которых ещё нет исполнителя'],
              ['cowork orders list --search Трошков', 'Найти заказы гостя по имени, цифрам телефона или номеру'],
            ],
            'orders show': [
              ['cowork orders show 1006313', 'Заказ, как на его экране: билет, детали заказа, оплата, заявитель, сообщения'],
              ['cowork orders show 1006314 --json', 'То же в JSON, для скрипта'],
            ],
            'orders create': [
              [
                'cowork orders create --service coworking-2 --applicant troshkov --date tomorrow --from 10:00 --to 14:00',
                'Забронировать коворкинг для гостя на 4 часа; выводит номер нового заказа',
              ],
              [
                'cowork orders create --service meeting-room --applicant petrov --date tomorrow --from 15:00 --to 16:00 --visitor-name "Сергей Петров" --visitor-phone "+7 912 000-00-04"',
                'Забронировать переговорную для гостя, когда придёт другой посетитель',
              ],
            ],
            'orders assign': [
              ['cowork orders assign 1006314 me', 'Назначить исполнителем себя'],
              ['cowork orders assign 1006313 admin', 'Изменить исполнителя: передать заказ коллеге'],
              ['cowork orders assign 1006315 none', 'Снять исполнителя'],
            ],
            'orders cancel': [
              [
                'cowork orders cancel 1006315 --reason "Гость перенёс встречу" --yes',
                'Отменить заказ и его билет без вопроса; причина попадёт в сообщения заказа',
              ],
              [
                'cowork orders cancel 1006314 --keep 100 --reason "Поздняя отмена" --yes',
                'Отменить заказ, удержав 100 ₽: остальное из оплаченного — к возврату',
              ],
            ],
            'pay record': [
              [
                'cowork pay record 1006314 --amount 300 --method card --reference "Чек 0415"',
                'Провести оплату: гость платит часть остатка картой, с номером чека',
              ],
              ['cowork pay record 1006314 --amount 400 --method cash', 'Остаток — наличными: заказ подтвержден'],
              [
                'cowork pay record 1006315 --amount 2000 --idempotency-key desk-1006315',
                'Повтор безопасен: с тем же ключом оплата проводится один раз',
              ],
            ],
            'pay refund': [
              [
                'cowork pay refund 1006316 --amount 250 --method transfer --reference "ПП 4471"',
                'Вернуть остаток по отменённому заказу банковским переводом',
              ],
              [
                'cowork pay refund 1006312 --amount 150 --method card --reason "Заказ отменён"',
                'Вернуть на карту деньги отменённого заказа',
              ],
            ],
            'pay reverse': [
              [
                'cowork pay record 1006315 --amount 2000 --method card',
                'Оплата проведена по ошибке: cowork выводит её номер (8 в свежем демо)',
              ],
              [
                'cowork pay reverse 8 --reason "Проведено по ошибке" --yes',
                'Сторнировать ошибочную оплату 8 без вопроса: заказ снова ожидает оплаты',
              ],
            ],
            'pay list': [
              ['cowork pay list --order 1006316', 'Движение денег заказа: оплаты, возвраты и сторно, с итогами'],
              ['cowork pay list --from today --method cash --source manager', 'Наличные, принятые и выданные на ресепшене сегодня'],
              [
                'cowork pay list --from 2023-08-01 --to 2023-08-31 --excel',
                'Движение денег за месяц — CSV, который Excel открывает правильно',
              ],
            ],
            'pay report': [
              ['cowork pay report', 'Выручка за сегодня: поступило, возвращено и итог по способам оплаты, наличные в кассе'],
              ['cowork pay report --date yesterday --by manager', 'Выручка за вчера по менеджерам'],
              ['cowork pay report --from 2023-08-01 --to 2023-08-31 --by service', 'Выручка за месяц по услугам'],
            ],
            'pay import': [
              [
                'cowork pay import statement.csv --dry-run',
                'Проверить выписку платёжного шлюза: решение по каждой строке, ничего не записывается',
              ],
              ['cowork pay import statement.csv', 'Провести её; повторный запуск ничего не проведёт дважды'],
              ['cowork pay import registry.csv --format yookassa --encoding windows-1251', 'Реестр ЮKassa, сохранённый русской Windows'],
            ],
            'pay reconcile': [
              ['cowork pay reconcile statement.csv', 'Сверить выписку с cowork, ничего не записывая; при любом расхождении код выхода 8'],
              ['cowork pay reconcile registry.csv --format yookassa --json', 'Построчно в JSON, для скрипта'],
            ],
            'msg post': [
              ['cowork msg post 1006314 --text "Ждём вас завтра в 10:00."', 'Публичное сообщение: его видит гость'],
              [
                'cowork msg post 1006315 --internal --text "Проверьте проектор перед встречей."',
                'Внутреннее сообщение для менеджеров, ответственных за услугу',
              ],
            ],
            'msg list': [
              ['cowork msg list 1006314', 'Сообщения заказа: события системы, публичные и внутренние'],
              ['cowork msg list 1006313 --json', 'То же в JSON, для скрипта'],
            ],
            'tickets list': [
              ['cowork tickets list --date today', 'Билеты на сегодня: кто придёт'],
              ['cowork tickets list --date 2023-08-12 --status active', 'Билеты дня, по которым посещение ещё не отмечено'],
            ],
            'tickets show': [['cowork tickets show 207', 'Билет: посетитель, период аренды, заказ']],
            'tickets check-in': [['cowork tickets check-in 207', 'Посетитель пришёл: отметить посещение (заказ оплачен, день аренды)']],
            'services list': [
              ['cowork services list', 'Услуги, за которые вы отвечаете'],
              ['cowork services list --json', 'То же в JSON, для скрипта'],
            ],
            'services show': [
              ['cowork services show coworking-2', 'Услуга: вместимость, часы работы, тарифы, частичная оплата, менеджеры'],
            ],
            'services create': [
              [
                'cowork --as admin services create --slug hot-desk --name "Открытое пространство" --capacity 30 --tariff "Стандарт:hour:80" --manager manager',
                'Администратор создаёт услугу на 30 мест по 80 ₽ в час',
              ],
            ],
            'services set': [
              ['cowork --as admin services set meeting-room --capacity 2', 'Теперь две брони переговорной могут пересекаться'],
              [
                'cowork --as admin services set coworking-2 --add-manager manager2',
                'Сделать ответственным за услугу ещё одного менеджера по аренде',
              ],
              [
                'cowork --as admin services set coworking-2 --min-prepayment 50',
                'Гости, бронирующие онлайн, сразу платят не меньше половины',
              ],
            ],
            'users list': [
              ['cowork users list --role guest', 'Гости локации'],
              ['cowork users list --role rental_manager --json', 'Менеджеры по аренде в JSON'],
            ],
            'users add': [
              [
                'cowork users add --login sidorov --name "Пётр Сидоров" --phone "+7 912 000-00-05" --role guest',
                'Новый гость на ресепшене',
              ],
              [
                'cowork --as admin users add --login manager3 --name "Елена Орлова" --email orlova@example.com --role rental_manager',
                'Администратор добавляет менеджера по аренде',
              ],
            ],
            'db status': [
              ['cowork db status', 'Где база данных, какие миграции схемы применены и какие ждут'],
              ['cowork db status --json', 'То же в JSON, для скрипта'],
            ],
            'db migrate': [['cowork db migrate', 'Обновить схему базы данных после установки новой версии']],
            seed: [
              ['cowork seed --demo', 'Демо: коворкинг в Перми, его менеджеры и гости, заказ 1006313'],
              ['cowork seed fixture.json --dry-run', 'Проверить файл фикстуры и показать итог, ничего не записывая'],
              ['cowork seed --orders 50 --random-seed 7', 'Добавить 50 правдоподобных заказов, каждый раз одних и тех же'],
            ],
            whoami: [
              ['cowork whoami', 'От чьего имени работает cowork и где его база данных'],
              ['cowork --as admin whoami --json', 'То же для другого оператора, в JSON'],
            ],
            login: [['cowork login manager', 'Работать от имени manager в следующих запусках (--as и COWORK_USER важнее)']],
            completion: [
              ['cowork completion bash', 'Скрипт дополнения команд для bash (куда его положить, написано в README)'],
              ['cowork completion zsh', 'То же для zsh'],
            ],
            desk: [['cowork desk', 'Рабочее место: найти заказ, открыть его и обработать из меню']],
            help: [
              ['cowork help orders list', 'Справка по команде, как её показывает --help'],
              ['cowork help exit-codes', 'Что значит каждый код выхода, для скриптов'],
              ['cowork help environment', 'Переменные окружения, которые читает cowork'],
            ],
          };
        },
      });
    },

    get prompts(): Catalog['prompts'] {
      return {
        yes: 'Да',
        no: 'Нет',
        yesOrNo: (p) => `Ответьте «${p.yes}» или «${p.no}»`,
        desk: {
          find: 'Заказ (номер, имя или цифры телефона; Esc — выход)',
          filters: (p) => `Фильтры${p.active.length ? `: ${p.active.join(', ')}` : ''}…`,
          none: 'Заказов не найдено',
          more: (p) => `(первые ${p.shown}: уточните запрос)`,
          action: (p) => `Заказ №${p.number} (Esc — назад к списку)`,
          actions: {
            pay: 'Провести оплату',
            refund: 'Возврат',
            assign: 'Изменить исполнителя',
            cancel: 'Отменить заказ',
            message: 'Написать сообщение…',
            ticket: 'Билет',
            checkIn: 'Отметить приход посетителя',
          },
          back: 'Назад к списку',
          filter: {
            which: 'Фильтр',
            status: 'Статус',
            service: 'Услуга',
            assignee: 'Исполнитель',
            date: 'Дата аренды',
            clear: 'Сбросить фильтры',
            any: 'Любой',
            me: 'Я',
            none: 'Не назначено',
            datePrompt: 'Дата (ГГГГ-ММ-ДД, today, tomorrow, yesterday; пусто — любая)',
            badDate: 'Дата ГГГГ-ММ-ДД или today, tomorrow, yesterday',
          },
          goodbye: 'Рабочее место закрыто.',
        },
        keys: { navigate: 'выбор', select: 'подтвердить' },
        orders: {
          service: 'Услуга',
          guest: 'Гость',
          date: 'Дата (ГГГГ-ММ-ДД, today, tomorrow)',
          from: 'С (ЧЧ:ММ)',
          to: 'До (ЧЧ:ММ)',
          badDate: 'Введите дату ГГГГ-ММ-ДД, today или tomorrow',
          badTime: 'Введите время ЧЧ:ММ',
          cancel: (p) =>
            `Отменить заказ ${p.number} (${p.service})?${p.kept ? ` Удержать ${m(p.kept)} за отмену.` : ''}${p.refundDue ? ` К возврату будет ${m(p.refundDue)}.` : ''}`,
          reason: 'Причина (можно оставить пустой)',
          serviceInfo: (p) => `${p.name}: открыто ${p.opensAt}–${p.closesAt}, ${f.plural(p.capacity, seats)}; ${p.tariffs}.`,
          dayInfo: (p) =>
            `Свободно на ${f.longDate(p.date)}: ${p.stretches.map((s) => `${s.from}–${s.to} ${s.free} из ${p.capacity}`).join(' · ')}${p.more ? ' · …' : ''}`,
          pastDay: (p) => `Дата ${f.longDate(p.date)} уже прошла: сегодня ${f.longDate(p.today)}`,
          dayOver: (p) => `На сегодня бронировать уже нечего: услуга работает до ${p.closesAt}`,
          dayFull: (p) => `На ${f.longDate(p.date)} свободных мест нет`,
          outsideHours: (p) => `Вне часов работы: открыто с ${p.opensAt} до ${p.closesAt}`,
          pastTime: (p) => `Время ${p.time} уже прошло (сейчас ${p.now}): начало не раньше ${p.earliest}`,
          noSeatAt: (p) => `В ${p.time} свободных мест нет: всё занято до ${p.until}`,
          notAfterStart: (p) => `Конец должен быть позже начала, ${p.from}`,
          afterClosing: (p) => `Услуга работает до ${p.closesAt}`,
          seatUntil: (p) => `Место свободно с ${p.from} только до ${p.until}: закончите не позже ${p.until}`,
          timeMissing: (p) => `Времени ${p.time} ${f.longDate(p.date)} нет на часах (перевод часов): выберите другое`,
          tariff: 'Тариф',
          tariffChoice: (p) =>
            `«${p.name}» ${m(p.price)} ${p.unit === 'hour' ? 'в час' : 'в день'}: за это время ${m(p.total)}${p.unit === 'hour' ? ` (${f.plural(p.quantity, { one: 'час', few: 'часа', many: 'часов', other: 'часа' })})` : ''}`,
          prepayIntro: (p) =>
            p.partialPayment
              ? `Чтобы забронировать, оплатите онлайн не менее ${m(p.min)} (${p.percent} % от ${m(p.total)}); остаток можно доплатить позже.`
              : `Чтобы забронировать, оплатите онлайн ${m(p.total)}: частичная оплата в этой услуге не предусмотрена.`,
          prepay: 'Оплата онлайн, ₽',
          prepayAllowed: (p) => (p.min === p.total ? `Допустимо: ровно ${m(p.total)}` : `Допустимо: от ${m(p.min)} до ${m(p.total)}`),
        },
        pick: {
          order: 'Заказ: введите номер, имя или цифры телефона',
          guest: 'Гость: введите имя или цифры телефона',
          noResults: 'Ничего не найдено',
          orderChoice: (p) => `${p.number} · ${p.name} · ${p.period} · ${status[p.status]}`,
          orderDetails: (p) =>
            `${p.service} · ${p.visitor}${p.left ? ` · к оплате ${m(p.left)}` : ''}${p.refundDue ? ` · к возврату ${m(p.refundDue)}` : ''}`,
        },
        assign: {
          executor: 'Исполнитель',
          none: 'Без исполнителя',
          current: '(сейчас)',
        },
        pay: {
          amount: 'Сумма, ₽',
          method: 'Способ оплаты',
          notAmount: 'Введите сумму в рублях: 150, 150.50 или 150,50',
          allowed: (r) => `Допустимо: ${rangeHint(r)}`,
          intro: (p) =>
            `Заказ ${p.number}: к оплате ${m(p.remaining)}. ${capital(rangeHint(p.range))}; если оплачено не всё, остаток не менее ${m(p.minRemaining)}.`,
        },
        refund: {
          intro: (p) => `Заказ ${p.number}: к возврату ${m(p.due)}; можно вернуть любую сумму в этих пределах.`,
          allowed: (p) => `Допустимо: до ${m(p.due)}`,
        },
        reverse: {
          confirm: (p) =>
            `Сторнировать оплату ${p.id} на ${m(p.amount)} (${method[p.method]}) по заказу ${p.number}? Оплачено станет ${m(p.paid)}.`,
        },
        msg: {
          visibility: 'Кто увидит сообщение?',
          public: 'Публичное: его увидит гость',
          internal: 'Внутреннее: ответственные менеджеры по аренде и администраторы',
          text: 'Написать сообщение...',
          editor: 'Сообщение',
          empty: 'Сообщение пустое',
          tooLong: (p) =>
            `В сообщении ${f.plural(p.length, { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}: допустимо не более ${f.number(p.max)}`,
        },
      };
    },

    get notices(): Catalog['notices'] {
      return {
        orders: {
          created: (p) => `Заказ ${p.number}: ${p.service}, ${p.date} ${p.from}–${p.to}, ${m(p.total)}; билет ${p.ticket ?? '—'}.`,
          assigned: (p) => (p.name ? `Заказ ${p.number}: исполнитель — ${p.name}.` : `Заказ ${p.number}: исполнитель не назначен.`),
          assignUnchanged: (p) => `Заказ ${p.number}: исполнитель тот же, ничего не изменено.`,
          cancelled: (p) =>
            `Заказ ${p.number} отменен${p.ticket ? `, билет ${p.ticket} тоже` : ''}.${p.kept ? ` Удержано ${m(p.kept)}.` : ''}${p.refundDue ? ` К возврату ${m(p.refundDue)}.` : ''}`,
          replayed: (p) => `Бронирование с ключом ${p.key} уже создано: заказ ${p.number}; ничего не записано.`,
          hints: {
            message: (n) => `Написать сообщение...: cowork msg post ${n} --text …`,
            messageStaff: (n) => `Публичное | Внутреннее. Написать сообщение...: cowork msg post ${n} --text … [--internal]`,
            assign: (n) => `Изменить исполнителя: cowork orders assign ${n} ЛОГИН`,
            pay: (n) => `Провести оплату: cowork pay record ${n}`,
            cancel: (n) => `Отменить заказ: cowork orders cancel ${n}`,
            refund: (n) => `Вернуть деньги: cowork pay refund ${n} --amount …`,
          },
          range: (p) => {
            const hint = rangeHint(p.range);
            const can = hint.startsWith('проведите ') ? `провести ${hint.slice('проведите '.length)}` : hint;
            return `Можно ${can}; если оплачено не всё, остаток не менее ${m(p.minRemaining)}`;
          },
        },
        reconcile: {
          summary: (p) => `Строк в выписке: ${f.number(p.rows)}; расхождений: ${f.number(p.differences)}.`,
          otherOrder: (p) => `в cowork — на заказе ${p.order}`,
          deskPayment: 'в cowork — как оплата на ресепшене',
          otherMethod: (p) => `в cowork способ ${p.method}`,
          otherKind: (p) => `в cowork это ${p.kind === 'refund' ? 'возврат' : p.kind === 'payment' ? 'оплата' : p.kind}`,
          repeated: (p) => `тот же идентификатор шлюза, что в строке ${p.line}`,
          repeatedOther: (p) => `тот же идентификатор шлюза, что в строке ${p.line}, но с другими значениями`,
        },
        pay: {
          recorded: (p) =>
            `Заказ ${p.number}: проведена оплата ${m(p.amount)} (${method[p.method]}). Оплачено ${m(p.paid)} из ${m(p.total)}, ${
              p.remaining ? `остаток ${m(p.remaining)}` : 'заказ подтвержден'
            }.`,
          replayed: (p) => `Эта запись уже проведена (ключ ${p.key}, заказ ${p.number}): ничего не записано.`,
          refunded: (p) =>
            `Заказ ${p.number}: проведён возврат ${m(p.amount)} (${method[p.method]}). ${p.due ? `К возврату ещё ${m(p.due)}.` : 'Больше возвращать нечего.'}`,
          reversed: (p) =>
            `Заказ ${p.number}: оплата ${p.id} на ${m(p.amount)} сторнирована. Оплачено ${m(p.paid)}${p.remaining ? `, остаток ${m(p.remaining)}` : ''}.`,
          totals: (p) =>
            `Записей: ${f.number(p.entries)}; поступило ${m(p.in)}, возвращено ${m(p.out)}, сторнировано ${m(p.reversed)}, итого ${m(p.net)}`,
          report: (p) =>
            `${p.from === p.to ? p.from : `${p.from} – ${p.to}`}: поступило ${m(p.in)}, возвращено ${m(p.out)}, сторнировано ${m(p.reversed)}, итого ${m(p.net)} (записей: ${f.number(p.entries)}). Наличных в кассе: ${m(p.drawer)}.`,
        },
        msg: {
          posted: (p) => `${visibility[p.visibility]} сообщение добавлено к заказу ${p.number}.`,
        },
        tickets: {
          checkedIn: (p) => `Билет ${p.ticket}: посещение отмечено (${p.visitor}).`,
        },
        services: {
          created: (p) => `Услуга создана: ${p.name} (${p.slug}).`,
          changed: (p) => `Услуга изменена: ${p.name} (${p.slug}).`,
        },
        users: {
          added: (p) => `Пользователь добавлен: ${p.name} (${p.login}), ${role[p.role].toLowerCase()}.`,
        },
        db: {
          migrated: (p) => `Применены миграции ${p.applied.join(', ')}: схема ${p.current}.`,
          upToDate: (p) => `Применять нечего: схема ${p.current}.`,
        },
        login: {
          saved: (p) => `Оператор для следующих запусков: ${p.login} (${p.name}).`,
        },
        seed: {
          loaded: (p) =>
            `${p.dryRun ? 'Проверено, ничего не записано: ' : ''}локации: +${p.locations.created} ~${p.locations.updated}; пользователи: +${p.users.created} ~${p.users.updated}; ` +
            `услуги: +${p.services.created} ~${p.services.updated}; заказы: +${p.orders.created}, без изменений ${p.orders.unchanged}; оплаты: +${p.payments}; сообщения: +${p.messages}`,
          generated: (p) =>
            `${p.dryRun ? 'Проверено, ничего не записано: ' : ''}создано заказов: ${p.orders}, оплат: ${p.payments}, сообщений: ${p.messages}`,
          operatorSet: (p) => `Текущий оператор: ${p.login} (${p.name}). Сменить: cowork login ЛОГИН, или --as ЛОГИН.`,
        },
        import: {
          summary: (p) =>
            `${p.dryRun ? 'Проверка, ничего не записано: ' : ''}строк ${p.rows}: проведено ${p.recorded}, сопоставлено ${p.matched}, уже были ${p.duplicate}, отклонено ${p.rejected}, с предупреждением ${p.warnings}; пропущено ${p.skipped} (не платежи)`,
          read: (p) =>
            `${p.file}: формат ${p.format}, разделитель ${delimiterName(p.delimiter)}, ${p.encoding}${p.zone ? `, время по поясу ${p.zone}` : ''}`,
        },
      };
    },

    get events(): Catalog['events'] {
      return {
        order_created: (p) => `Заказ создан${p.by ? ` (${p.by})` : ''}: ${m(p.total)}.`,
        payment_gateway: (p) => `Поступила оплата через платёжный шлюз.${p.warning ? ` ${warning[p.warning]}.` : ''}`,
        payment_refunded: (p) =>
          `Возврат ${m(p.amount)} (${method[p.method]}): ${p.by ? p.by : 'через платёжный шлюз'}${p.reason ? `. Причина: ${p.reason}` : ''}.`,
        payment_reversed: (p) =>
          `Оплата ${m(p.amount)} (${method[p.method]}) сторнирована как ошибочная: ${p.by}${p.reason ? `. Причина: ${p.reason}` : ''}.`,
        payment_recorded: (p) => `Проведена оплата ${m(p.amount)} (${method[p.method]}): ${p.by}.`,
        order_confirmed: () => 'Заказ подтвержден.',
        assignee_changed: (p) =>
          p.to === null
            ? `Исполнитель снят${p.by ? ` (${p.by})` : ''}.`
            : `Исполнитель изменён: ${p.to}${p.by ? ` (изменение: ${p.by})` : ''}.`,
        order_cancelled: (p) =>
          `Заказ отменён (${p.by}).${p.reason ? ` Причина: ${p.reason}.` : ''}${p.kept > 0 ? ` Удержано ${m(p.kept)}.` : ''}${p.refundDue > 0 ? ` К возврату ${m(p.refundDue)}.` : ''}`,
        ticket_checked_in: (p) => `Посещение по билету ${p.ticket} отмечено (${p.by}).`,
      };
    },

    get errors(): Catalog['errors'] {
      return {
        ORDER_CANCELLED: () => 'заказ отменен: провести оплату или изменить заказ нельзя',
        ORDER_ALREADY_PAID: () => 'заказ оплачен полностью: остатка к оплате нет',
        AMOUNT_EXCEEDS_REMAINING: (p) => `сумма ${m(p.amount)} больше остатка к оплате ${m(p.remaining)}`,
        PARTIAL_PAYMENT_NOT_ALLOWED: (p) => `услуга не допускает частичной оплаты: можно провести только весь остаток, ${m(p.remaining)}`,
        REMAINING_BELOW_MINIMUM: (p) =>
          `после оплаты ${m(p.amount)} остаток к оплате составит ${m(p.after)}, а он не должен быть менее ${m(p.minRemaining)}: ${rangeHint(p.range)}`,
        ALREADY_CANCELLED: () => 'заказ уже отменен',
        OUTSIDE_OPENING_HOURS: (p) => `период ${p.from}–${p.to} выходит за часы работы ${p.opensAt}–${p.closesAt}`,
        CAPACITY_EXCEEDED: (p) =>
          `в услуге ${p.service} ${f.plural(p.capacity, seats)}, и в самый загруженный момент периода занято: ${f.number(p.booked)}`,
        INVALID_PERIOD: (p) => `период заканчивается (${p.to}) раньше, чем начинается (${p.from})`,
        PERIOD_ENDED: (p) => `период ${p.date} ${p.from}–${p.to} уже прошел`,
        LOCAL_TIME_MISSING: (p) => `времени ${p.date} ${p.time} в поясе ${p.zone} нет: часы его пропускают (переход на летнее время)`,
        PREPAYMENT_TOO_SMALL: (p) =>
          p.partialPayment
            ? `гость вносит онлайн не менее ${p.percent} %: --prepay ${f.amount(p.needed)} или больше`
            : `услуга оплачивается онлайн целиком: --prepay ${f.amount(p.needed)}`,
        APPLICANT_NOT_GUEST: (p) =>
          `${p.login} — ${role[p.role].toLowerCase()}, а заказ оформляется на гостя локации (добавить гостя: cowork users add)`,
        TICKET_NOT_ACTIVE: (p) => `билет ${p.ticket}: ${ticketStatus[p.status].toLowerCase()}, отметить посещение нельзя`,
        TICKET_NOT_CONFIRMED: (p) => `билет ${p.ticket}: заказ не оплачен полностью (${status[p.status].toLowerCase()})`,
        TICKET_NOT_TODAY: (p) => `билет ${p.ticket} на ${p.date}, а сегодня ${p.today}`,
        ASSIGNEE_NOT_ELIGIBLE: (p) =>
          `${p.login} не может быть исполнителем: это не менеджер по аренде, ответственный за услугу ${p.service}, и не администратор`,
        MANAGER_NOT_ELIGIBLE: (p) =>
          `${p.login} — ${role[p.role].toLowerCase()}: ответственными за услугу бывают только менеджеры по аренде`,
        USER_EXISTS: (p) => `пользователь с логином ${quote(p.login)} уже есть`,
        SERVICE_EXISTS: (p) => `услуга ${quote(p.slug)} уже есть: изменить её можно командой cowork services set`,
        NO_TARIFF: (p) => `у услуги ${p.service} нет тарифа`,
        KEEP_EXCEEDS_PAID: (p) => `--keep ${m(p.keep)} больше, чем оплачено (${m(p.paid)})`,
        NOTHING_TO_REFUND: () => 'по заказу нечего возвращать',
        REFUND_EXCEEDS_DUE: (p) => `${m(p.amount)} больше суммы к возврату (${m(p.due)})`,
        REFUND_EXCEEDS_PAID: (p) => `возврат ${m(p.amount)} больше, чем можно вернуть по заказу (${m(p.paid)})`,
        NOT_A_PAYMENT: (p) => `запись ${p.id} — ${entryKind[p.kind].toLowerCase()}: сторнировать можно только оплату`,
        GATEWAY_NOT_REVERSIBLE: (p) =>
          `оплата ${p.id} поступила через платёжный шлюз: деньги списаны, их возвращают (\`cowork pay refund\`), а не сторнируют`,
        ALREADY_REVERSED: (p) => `оплата ${p.id} уже сторнирована (запись ${p.by})`,
        REVERSAL_EXCEEDS_PAID: (p) =>
          `сторно ${m(p.amount)} больше, чем осталось по заказу (${m(p.paid)}): деньги уже возвращены или удержаны`,

        orderNotFound: (p) => `заказ ${p.number} не найден`,
        paymentNotFound: (p) => `оплата ${p.id} не найдена`,
        ticketNotFound: (p) => `билет ${p.number} не найден`,
        userNotFound: (p) => `пользователь ${quote(p.login)} не найден`,
        serviceNotFound: (p) => `услуга ${quote(p.slug)} не найдена`,
        locationNotFound: (p) => `локация ${quote(p.key)} не найдена`,
        tariffNotFound: (p) => `у услуги ${p.service} нет тарифа ${quote(p.name)} (есть: ${p.names.join(', ')})`,

        noOperator: () => 'оператор не задан: укажите --as ЛОГИН, переменную COWORK_USER или выполните cowork login ЛОГИН',
        unknownOperator: (p) => `неизвестный оператор ${quote(p.login)}`,
        notResponsible: (p) => `${p.login} не отвечает за услугу ${p.service}`,
        guestMayNot: () => 'гостю локации это недоступно',
        adminOnly: (p) => `только администратор может ${p.what === 'createServices' ? 'создавать услуги' : 'изменять услуги'}`,
        managerAddsGuestsOnly: (p) => `менеджер по аренде добавляет только гостей; роль «${role[p.role]}» может назначить администратор`,
        staffAddUsers: () => 'добавлять пользователей могут менеджеры по аренде и администраторы',
        guestBooksForSelf: () => 'гость бронирует только для себя',
        internalStaffOnly: () => 'внутренние сообщения пишут менеджеры по аренде, ответственные за услугу, и администраторы',

        keyConflict: (p) => `ключ ${quote(p.key)} уже использован с другими значениями (другой заказ, вид, сумма или способ)`,
        bookingKeyConflict: (p) => `ключ ${quote(p.key)} уже использован для другого бронирования с другими значениями`,

        externalIdConflict: (p) => `идентификатор платежа ${quote(p.id)} уже записан с другими значениями`,
        importRejected: (p) => `отклонено ${f.number(p.rejected)} из ${f.plural(p.rows, rows)}`,
        importWarnings: (p) => `${f.number(p.warnings)} из ${f.plural(p.rows, rows)} проведено с предупреждением: требуют внимания`,
        reconcileDifferences: (p) => `расхождений между выпиской и cowork: ${f.number(p.differences)}`,

        notConfirmed: () => 'не подтверждено: ничего не изменено',
        interrupted: () => 'прервано',

        usage: (p) => p.text,
        unknownCommand: (p) =>
          `неизвестная команда ${quote(p.name)}${p.suggestions.length ? ` (может быть, ${either(p.suggestions)}?)` : ''}`,
        unknownOption: (p) => `неизвестный флаг ${quote(p.flag)}${p.suggestions.length ? ` (может быть, ${either(p.suggestions)}?)` : ''}`,
        missingArgument: (p) => `не хватает аргумента ${p.name}`,
        missingOptionValue: (p) => `у ${p.flag} нет значения`,
        excessArguments: (p) => `лишние аргументы: ${f.number(p.count)}`,
        invalidChoice: (p) => `${p.flag}: ${quote(p.value)} — не одно из ${p.choices.join(', ')}`,
        flagRequired: (p) =>
          `${p.flags.length > 1 ? 'нужны' : 'нужен'} ${f.list(p.flags)} (спросить нельзя: ввод не из терминала или отключён)`,
        flagRequiredAtLeastOnce: (p) => `${p.flag} нужен хотя бы один раз`,
        yesRequired: () => 'чтобы отменить без вопроса о подтверждении, нужен --yes',
        yesRequiredReverse: () => 'чтобы сторнировать оплату без вопроса о подтверждении, нужен --yes',
        notPositiveInt: (p) => `${p.what}: нужно целое положительное число, а не ${quote(p.value)}`,
        notWholeNumber: (p) => `${p.what}: нужно целое число, а не ${quote(p.value)}`,
        notDate: (p) => `${p.flag}: нужна дата ГГГГ-ММ-ДД, а не ${quote(p.value)}`,
        notDay: (p) => `${p.flag}: нужна дата ГГГГ-ММ-ДД, today, yesterday или tomorrow, а не ${quote(p.value)}`,
        dateOrPeriod: () => '--date задаёт один день, --from и --to — период: укажите что-то одно',
        notTime: (p) => `${p.flag}: нужно время ЧЧ:ММ, а не ${quote(p.value)}`,
        notAmount: (p) =>
          `${p.flag}: ${quote(p.value)} — не сумма в рублях (положительное число, не более двух знаков после запятой: 150, 150.50 или 150,50)`,
        notPhone: (p) => `${p.flag}: ${quote(p.value)} — не номер телефона`,
        notEmail: (p) => `${p.flag}: ${quote(p.value)} — не адрес эл. почты`,
        notLogin: (p) => `--login: в ${quote(p.value)} допустимы только буквы, цифры, «.», «_» и «-»`,
        notSlug: (p) => `--slug: в ${quote(p.value)} допустимы только строчные латинские буквы, цифры и «-»`,
        notTariff: (p) => `--tariff: ${quote(p.value)} — не НАЗВАНИЕ:hour|day:ЦЕНА, например «Стандарт:hour:100»`,
        notPercent: (p) => `${p.flag} — это процент: от 0 до 100`,
        notIsoTime: (p) => `${p.name}: ${quote(p.value)} — не время ISO-8601`,
        emptyValue: (p) => `${p.flag} пуст`,
        emptyMessage: () => '--text: сообщение пустое',
        messageTooLong: (p) =>
          `--text: в сообщении ${f.plural(p.length, { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}, а допустимо не более ${f.number(p.max)}`,
        duplicateTariff: () => '--tariff: у двух тарифов одно название',
        closesBeforeOpens: (p) => `услуга закрывается (${p.closesAt}) раньше, чем открывается (${p.opensAt})`,
        fromAfterTo: (p) => `--from ${p.from} позже, чем --to ${p.to}`,
        formatsContradict: (p) => `--json и --format ${p.format} противоречат друг другу`,
        excelIsCsv: (p) => `--excel выводит CSV и противоречит ${p.flag}`,
        goesWith: (p) => `${p.flag} указывается вместе с ${p.with}`,
        prepayForGuests: () => '--prepay — для онлайн-бронирования гостем; менеджер проводит оплату командой cowork pay record',
        locationRequired: (p) =>
          p.count === 0
            ? 'нужен --location: локаций нет (загрузите локацию: cowork seed ФАЙЛ)'
            : `нужен --location: локаций несколько (${p.keys.join(', ')})`,
        seedOneMode: () => 'seed принимает что-то одно: --demo, ФАЙЛ или --orders N',
        noHelpOn: (p) =>
          p.suggestions.length
            ? `справки по ${quote(p.topic)} нет: может быть, ${either(p.suggestions.map(quote))}?`
            : `справки по ${quote(p.topic)} нет: попробуйте cowork help`,
        deskNeedsTerminal: () =>
          'рабочему месту нужен терминал: запустите его в терминале или пользуйтесь командами (`cowork orders list`, `cowork pay record`…)',
        unknownShell: (p) => `дополнения для оболочки ${quote(p.shell)} нет: выберите одну из ${p.shells.join(', ')}`,
        cannotRead: (p) => `${p.file}: не удалось прочитать: ${p.reason}`,
        notJson: (p) => `${p.file}: не JSON: ${p.reason}`,
        notCsv: (p) => `${p.file}:${p.line ?? '?'}: не CSV: ${p.reason}`,
        notUtf8: (p) => `${p.file}:${p.line}: текст не в UTF-8; файлу, сохранённому русской Windows, нужен --encoding windows-1251`,
        openQuote: (p) => `${p.file}:${p.line}: значение в кавычках начинается здесь и не закрывается`,
        fixtureProblems: (p) => p.problems.map((x) => `${p.file}: ${x.path}: ${fixtureIssue(x.issue)}`).join('\n'),
        statementEmpty: (p) => `${p.file}: файл пуст: ожидался заголовок external_id,order_number,amount,paid_at,method`,
        statementHeader: (p) =>
          `${p.file}:${p.line ?? 1}: заголовок должен быть ${p.expected.join(',')}` +
          (p.missing.length ? `; нет столбцов ${p.missing.join(', ')}` : '') +
          (p.unknown.length ? `; неизвестные столбцы ${p.unknown.join(', ')}` : ''),
        statementCell: (p) => `${p.file}:${p.line}: столбец ${p.column}: ${cellProblem(p.problem)}`,

        databaseBusy: () => 'база данных занята: её держит другое рабочее место; попробуйте ещё раз',
        databaseFull: () => 'диск заполнен: ничего не записано; освободите место и попробуйте ещё раз',
        databaseReadOnly: () => 'база данных здесь только для чтения: cowork не может в неё писать (проверьте права на файл и папку)',
        databaseCorrupt: () => 'файл базы данных повреждён или это не база cowork',
        databaseCannotOpen: () => 'не удалось открыть файл базы данных (проверьте, что папка есть и доступна для записи)',
        sqliteDriverMissing: (p) =>
          `драйвер SQLite для Node ${p.node} (${p.driver}) не установлен: установите cowork заново там, где есть python3, make и компилятор C++ (установка собирает драйвер), или запускайте его на Node 24, или возьмите единый исполняемый файл`,
        databaseUnreachable: () => 'сервер базы данных недоступен или разорвал соединение; ничего не записано',
        databaseNewer: (p) => `схема базы данных (${p.current}) новее, чем знает этот cowork (${p.latest}): обновите cowork`,
        unexpected: (p) => `непредвиденный сбой: ${p.message}`,

        periodNotOneDay: (p) =>
          `период аренды ${p.start}–${p.end} (${p.zone}) не укладывается в один день: бронирование начинается и заканчивается в один местный день, не позже 24:00`,
        lineAmountTooLarge: (p) => `${f.number(p.quantity)} × ${m(p.unitPrice)} — больше, чем может быть сумма (не более ${m(p.max)})`,
        totalTooLarge: (p) => `итоговая стоимость заказа больше, чем может быть сумма (не более ${m(p.max)})`,
        ticketStatusOfOrder: (p) =>
          p.cancelled
            ? `билет ${p.ticket}: статус «${ticketStatus[p.status]}», а заказ отменён: при отмене заказа отменяется и билет`
            : `билет ${p.ticket} отменён, а заказ нет: билет отменяется только вместе с заказом`,
        NOTHING_TO_SEED: (p) =>
          p.missing === 'services'
            ? 'нет услуги для бронирования: ни у одной нет тарифа и хотя бы часа работы (добавьте услугу: cowork services create, или загрузите фикстуру: cowork seed ФАЙЛ)'
            : 'нет гостя, для которого можно бронировать (добавьте гостя: cowork users add --role guest, или загрузите фикстуру: cowork seed ФАЙЛ)',

        databaseMissing: (p) =>
          `базы данных cowork по адресу ${quote(p.location)} ещё нет: cowork seed --demo создаст её с демонстрационными данными, cowork db migrate — пустую`,
        databaseTimeout: () =>
          'сервер базы данных не ответил вовремя; ничего не записано (пределы ожидания — connect_timeout, statement_timeout и lock_timeout в её адресе)',
        notTimeout: (p) =>
          `${p.name} в адресе базы данных: ${quote(p.value)} — не длительность (целое число ${p.unit === 'ms' ? 'миллисекунд' : 'секунд'} или с единицей ms, s или min)`,
        statementFormat: (p) =>
          `${p.file}: ${p.fits.length > 1 ? `заголовок подходит нескольким форматам (${p.fits.join(', ')}): укажите один через --format` : `не подходит ни один известный формат (проверены ${p.tried.join(', ')}): укажите формат через --format или опишите его в --map`}. ` +
          `Файл: разделитель ${p.delimiter === null ? 'не найден' : delimiterName(p.delimiter)}, ${p.encoding}, первые ячейки ${p.cells.length ? p.cells.map(quote).join(', ') : '— нет'}`,
        statementMap: (p) => p.problems.map((x) => `${p.file}: ${x.path}: ${schemaProblem(x.problem)}`).join('\n'),
        statementZone: (p) =>
          `время в выписке без смещения, а локации в ${p.zones.length ? `поясах ${p.zones.join(', ')}` : 'неизвестном поясе'}: укажите пояс через --time-zone`,
        notTimeZone: (p) => `${p.flag}: ${quote(p.value)} — не часовой пояс (например, Europe/Moscow)`,
        formatOrMap: () => '--format называет известный формат, --map описывает другой: укажите что-то одно',
      };
    },
  }),
);

const unknownKey = { location: 'неизвестная локация', user: 'неизвестный пользователь', service: 'неизвестная услуга' } as const;

const typeName = {
  text: 'текст',
  number: 'число',
  wholeNumber: 'целое число',
  boolean: 'true или false',
  list: 'список',
  object: 'объект',
  other: 'значение другого вида',
} as const;
const formatName = {
  instant: 'время ISO-8601 со смещением, например 2023-08-11T13:32:00+05:00',
  time: 'время ЧЧ:ММ',
  date: 'дата ГГГГ-ММ-ДД',
  timeZone: 'часовой пояс IANA, например Europe/Moscow',
  login: 'логин из латинских букв, цифр, «.», «_» и «-»',
  slug: 'код из строчных латинских букв, цифр и «-»',
  pattern: 'регулярное выражение',
  timePattern: 'ISO или шаблон с yyyy, MM, dd, HH и mm',
  orderOrParent: 'столбец номера заказа (для возвратов — исходного платежа)',
} as const;

/** Каким должно было быть значение не той формы. */
function schemaProblem(p: SchemaProblem): string {
  switch (p.what) {
    case 'type':
      return `ожидается ${typeName[p.expected]}`;
    case 'choice':
      return `ожидается одно из: ${p.choices.map(quote).join(', ')}`;
    case 'unknownKeys':
      return `${p.keys.length === 1 ? 'неизвестный ключ' : 'неизвестные ключи'} ${p.keys.map(quote).join(', ')}`;
    case 'tooSmall':
      return p.of === 'text'
        ? p.minimum <= 1
          ? 'ожидается непустой текст'
          : `ожидается не меньше ${f.number(p.minimum)} символов`
        : p.of === 'list'
          ? `ожидается не меньше ${f.number(p.minimum)} элем.`
          : `ожидается не меньше ${f.number(p.minimum)}`;
    case 'tooBig':
      return p.of === 'text'
        ? `ожидается не больше ${f.number(p.maximum)} символов`
        : p.of === 'list'
          ? `ожидается не больше ${f.number(p.maximum)} элем.`
          : `ожидается не больше ${f.number(p.maximum)}`;
    case 'format':
      return `ожидается ${formatName[p.format]}`;
    case 'invalid':
      return 'здесь такое значение недопустимо';
  }
}

function fixtureIssue(i: FixtureIssue): string {
  switch (i.kind) {
    case 'schema':
      return schemaProblem(i.problem);
    case 'duplicateKey':
      return `ключ ${JSON.stringify(i.key)} повторяется`;
    case 'duplicateExternalId':
      return `идентификатор платежа ${quote(i.id)} повторяется`;
    case 'unknown':
      return `${unknownKey[i.what]} ${quote(i.value)}`;
    case 'unknownTariff':
      return `у услуги ${quote(i.service)} нет тарифа ${quote(i.tariff)}`;
    case 'recordedByMissing':
      return 'у оплаты на месте (source manager) должно быть указано, кто её провёл (recordedBy)';
    case 'reversesWhat':
      return 'сторно указывает в `reverses` номер более ранней оплаты своего заказа; другие записи — нет';
    case 'periodEnds':
      return 'период аренды заканчивается раньше, чем начинается';
    case 'ticketTaken':
      return `билет ${i.ticket} уже есть, у другого заказа`;
    case 'externalIdTaken':
      return `идентификатор платежа ${quote(i.id)} уже есть`;
    case 'rule':
      return (ru.errors[i.said.key] as (...a: unknown[]) => string)(...i.said.args);
  }
}

function cellProblem(p: CellProblem): string {
  switch (p.kind) {
    case 'columns':
      return `ожидалось столбцов: ${p.expected}, найдено: ${p.found}`;
    case 'empty':
      return 'пусто';
    case 'orderNumber':
      return `${quote(p.value)} — не номер заказа`;
    case 'amount':
      return `${quote(p.value)} — не положительная сумма в рублях, например 400.00`;
    case 'instant':
      return `${quote(p.value)} — не время ISO-8601 со смещением, например 2023-08-11T13:32:00+05:00`;
    case 'method':
      return `${quote(p.value)} — не одно из ${p.choices.join(', ')}`;
    case 'money':
      return `${quote(p.value)} — не сумма в рублях, например ${p.decimal === ',' ? '400,00' : '400.00'}`;
    case 'time':
      return `${quote(p.value)} — не время вида ${p.formats.join(' или ')}`;
    case 'currency':
      return `${quote(p.value)}: cowork ведёт только рубли (RUB)`;
    case 'noMatch':
      return `в ${quote(p.value)} нет ${quote(p.pattern)}`;
  }
}

function delimiterName(d: string): string {
  return d === '\t' ? 'табуляция' : `«${d}»`;
}

function rangeHint(r: PaymentRange): string {
  if (r.full <= 0) return 'провести оплату нельзя';
  if (!r.partial) return `можно провести только ровно ${m(r.full)}`;
  if (r.partial.min === r.partial.max) return `проведите ровно ${m(r.partial.min)} или ровно ${m(r.full)}`;
  return `проведите от ${m(r.partial.min)} до ${m(r.partial.max)} или ровно ${m(r.full)}`;
}
