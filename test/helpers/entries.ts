/** A ledger entry for pure tests: a desk payment of 300 ₽ in cash unless told otherwise. */
import type { Payment } from '../../src/core/types.js';

export function entry(p: Partial<Payment> = {}): Payment {
  return {
    id: '1',
    orderNumber: 1006314,
    kind: 'payment',
    amount: 30000,
    method: 'cash',
    source: 'manager',
    createdAt: '2023-08-11T08:40:00.000Z',
    recordedBy: null,
    externalId: null,
    idempotencyKey: null,
    reference: null,
    fee: null,
    reverses: null,
    reversedBy: null,
    warning: null,
    reason: null,
    ...p,
  };
}
