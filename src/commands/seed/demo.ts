/**
 * The demo of SPEC.md, as a fixture: a location in Perm, two services, the users, the source
 * document's order 1006313 exactly as its screen shows it, and orders in every other state. Its
 * orders come from the source system, whose feed has no message of an order's creation: they are
 * loaded without one (`createdEvent: false`), so 1006313's feed is the gateway payment's message
 * alone, as on that screen. Orders made after it by cowork say when they were created.
 */
import type { FixtureInput } from '../../core/fixture.js';

export const demoFixture: FixtureInput = {
  locations: [{ key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg', minRemaining: 5000 }],
  users: [
    { login: 'admin', name: 'Анна Белова', role: 'admin', phone: '+73422000000', email: 'admin@example.com' },
    { login: 'manager', name: 'Ольга Смирнова', role: 'rental_manager', phone: '+73422000001', email: 'manager@example.com' },
    { login: 'manager2', name: 'Дмитрий Козлов', role: 'rental_manager', phone: '+73422000002', email: 'manager2@example.com' },
    { login: 'troshkov', name: 'Алексей Трошков', role: 'guest', phone: '+73422545454' },
    { login: 'ivanova', name: 'Мария Иванова', role: 'guest', phone: '+79120000002', email: 'ivanova@example.com' },
    { login: 'petrov', name: 'Иван Петров', role: 'guest', phone: '+79120000003' },
  ],
  services: [
    {
      slug: 'coworking-2',
      location: 'perm',
      name: 'Коворкинг на 2 этаже',
      capacity: 20,
      opensAt: '08:00',
      closesAt: '22:00',
      partialPayment: true,
      minPrepaymentPercent: 30,
      tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
      managers: ['manager'],
    },
    {
      slug: 'meeting-room',
      location: 'perm',
      name: 'Переговорная',
      capacity: 1,
      opensAt: '08:00',
      closesAt: '22:00',
      partialPayment: false,
      tariffs: [{ name: 'Стандарт', unit: 'hour', price: 100000 }],
      managers: ['manager', 'manager2'],
    },
  ],
  orders: [
    {
      number: 1006312,
      service: 'coworking-2',
      applicant: 'ivanova',
      createdBy: 'ivanova',
      createdAt: '2023-08-10T09:15:00+05:00',
      createdEvent: false,
      ticket: { number: 206, start: '2023-08-10T12:00:00+05:00', end: '2023-08-10T17:00:00+05:00' },
      lines: [{ tariff: 'Стандарт', quantity: 5 }],
      payments: [{ externalId: 'gw-5520311', amount: 15000, method: 'card', source: 'gateway', at: '2023-08-10T09:15:00+05:00' }],
      cancelled: { by: 'manager', at: '2023-08-10T10:05:00+05:00', reason: 'Гость попросил перенести бронирование' },
      messages: [
        {
          visibility: 'public',
          author: 'ivanova',
          text: 'Не получится прийти сегодня, отмените, пожалуйста.',
          at: '2023-08-10T10:01:00+05:00',
        },
      ],
    },
    {
      number: 1006313,
      service: 'coworking-2',
      applicant: 'troshkov',
      createdBy: 'troshkov',
      createdAt: '2023-08-11T13:32:00+05:00',
      createdEvent: false,
      ticket: {
        number: 207,
        visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
        start: '2023-08-11T16:00:00+05:00',
        end: '2023-08-11T20:00:00+05:00',
      },
      lines: [{ tariff: 'Стандарт', quantity: 4 }],
      payments: [{ externalId: 'gw-5520417', amount: 40000, method: 'card', source: 'gateway', at: '2023-08-11T13:32:00+05:00' }],
    },
    {
      number: 1006314,
      service: 'coworking-2',
      applicant: 'ivanova',
      createdBy: 'ivanova',
      createdAt: '2023-08-11T13:35:00+05:00',
      createdEvent: false,
      ticket: { number: 208, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T20:00:00+05:00' },
      lines: [{ tariff: 'Стандарт', quantity: 10 }],
      payments: [{ externalId: 'gw-5520432', amount: 30000, method: 'card', source: 'gateway', at: '2023-08-11T13:35:00+05:00' }],
      messages: [
        { visibility: 'public', author: 'ivanova', text: 'Остаток доплачу на ресепшене наличными.', at: '2023-08-11T13:36:00+05:00' },
        { visibility: 'public', author: 'manager', text: 'Хорошо, ждём вас завтра в 10:00.', at: '2023-08-11T13:38:00+05:00' },
        {
          visibility: 'internal',
          author: 'manager',
          text: 'Постоянный гость: можно предложить абонемент.',
          at: '2023-08-11T13:39:00+05:00',
        },
      ],
    },
    {
      number: 1006315,
      service: 'meeting-room',
      applicant: 'petrov',
      createdBy: 'manager',
      createdAt: '2023-08-11T13:37:00+05:00',
      createdEvent: false,
      assignee: 'manager2',
      ticket: {
        number: 209,
        visitor: { name: 'Сергей Петров', phone: '+79120000004' },
        start: '2023-08-14T12:00:00+05:00',
        end: '2023-08-14T14:00:00+05:00',
      },
      lines: [{ tariff: 'Стандарт', quantity: 2 }],
      messages: [
        {
          visibility: 'internal',
          author: 'manager',
          text: 'Дмитрий, подготовь, пожалуйста, проектор к встрече.',
          at: '2023-08-11T13:38:00+05:00',
        },
        {
          visibility: 'public',
          author: 'manager',
          text: 'Переговорная забронирована, оплатить можно на ресепшене.',
          at: '2023-08-11T13:39:00+05:00',
        },
      ],
    },
    {
      // Cancelled with a fee kept; part of the rest given back at the desk, 250 ₽ still due.
      number: 1006316,
      service: 'coworking-2',
      applicant: 'petrov',
      createdBy: 'manager',
      createdAt: '2023-08-11T10:00:00+05:00',
      ticket: { number: 210, start: '2023-08-15T10:00:00+05:00', end: '2023-08-15T15:00:00+05:00' },
      lines: [{ tariff: 'Стандарт', quantity: 5 }],
      payments: [
        { amount: 50000, method: 'cash', source: 'manager', recordedBy: 'manager', at: '2023-08-11T10:05:00+05:00', reference: 'Чек 0412' },
        {
          kind: 'refund',
          amount: 15000,
          method: 'cash',
          source: 'manager',
          recordedBy: 'manager',
          at: '2023-08-11T12:10:00+05:00',
          reason: 'Часть вернули наличными, остальное — переводом',
        },
      ],
      cancelled: { by: 'manager', at: '2023-08-11T12:00:00+05:00', reason: 'Гость заболел', keep: 10000 },
    },
    {
      // A desk payment recorded by mistake and reversed: the order awaits payment again.
      number: 1006317,
      service: 'meeting-room',
      applicant: 'troshkov',
      createdBy: 'manager2',
      createdAt: '2023-08-11T11:00:00+05:00',
      ticket: { number: 211, start: '2023-08-16T09:00:00+05:00', end: '2023-08-16T10:00:00+05:00' },
      lines: [{ tariff: 'Стандарт', quantity: 1 }],
      payments: [
        { amount: 100000, method: 'card', source: 'manager', recordedBy: 'manager2', at: '2023-08-11T11:05:00+05:00' },
        {
          kind: 'reversal',
          reverses: 0,
          amount: 100000,
          method: 'card',
          source: 'manager',
          recordedBy: 'manager2',
          at: '2023-08-11T11:07:00+05:00',
          reason: 'Проведено по ошибке: гость оплатит в день встречи',
        },
      ],
    },
  ],
};
