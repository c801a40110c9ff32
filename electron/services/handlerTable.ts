// How a service declares its methods: a table whose keys are contract method names. `satisfies HandlerTable` types
// every handler's input and context from the contract by its key (no hand-written input types), and refuses a key
// the contract does not declare; electron/api.ts joins the tables and checks that every method has its handler.
import type { Method, Output, ParsedInput } from '../../shared/api/contract';
import type { ServiceContext } from './context';

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: ServiceContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };
export type HandlerTable = Partial<Handlers>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the tables; two tables handling the same method is a programming error, caught at start-up like the contract's. */
export function joinHandlers<T extends HandlerTable[]>(...tables: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, handler] of Object.entries(table)) {
      if (Object.hasOwn(out, name)) throw new Error(`API method handled twice: ${name}`);
      out[name] = handler;
    }
  }
  return out as UnionToIntersection<T[number]>;
}
