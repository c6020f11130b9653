import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import type { Permissions } from './model.js';
import type { Ns1Context } from './state.js';

type Permission = { [G in keyof Permissions]: [G, keyof Permissions[G] & string] }[keyof Permissions];

/** A resource NS1 lists, creates with PUT, reads, updates with POST and deletes, with its permissions. */
export interface CollectionSpec<T> {
  slice: string;
  /** `/lists`; items live at `${path}/:id`. */
  path: string;
  resourceType: string;
  /** The id of an item as it appears in its URL. */
  idOf: (item: T) => string;
  view?: Permission;
  manage: Permission;
  /**
   * The body field that names a new item, for resources NS1 documents as created at `${path}/:id` (users by
   * username); NS1's own SDKs PUT them to `${path}` with the name in the body, and both work.
   */
  createAtItem?: string;
  seed: (ctx: Ns1Context) => T[];
  create: (ctx: Ns1Context, body: Record<string, unknown>, id: string | undefined) => T;
  update: (ctx: Ns1Context, item: T, body: Record<string, unknown>) => void;
  render?: (ctx: Ns1Context, item: T) => unknown;
  /** Runs before the item goes away, e.g. to refuse deleting something still in use. */
  beforeDelete?: (ctx: Ns1Context, item: T) => void;
}

/** A piece of state that starts from its seed after every reset. */
export function slice<T>(ctx: Ns1Context, name: string, seed: () => T): T {
  const state = ctx.state();
  if (!state.extra.has(name)) state.extra.set(name, seed());
  return state.extra.get(name) as T;
}

export function collection<T>(ctx: Ns1Context, spec: CollectionSpec<T>): Map<string, T> {
  return slice(ctx, spec.slice, () => new Map(spec.seed(ctx).map((item) => [spec.idOf(item), item])));
}

export function body(req: SandboxRequest): Record<string, unknown> {
  const value = req.json<unknown>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SandboxHttpError(400, 'request body must be a JSON object');
  return value as Record<string, unknown>;
}

export function registerCollection<T>(router: Router, ctx: Ns1Context, spec: CollectionSpec<T>): void {
  const render = (item: T) => (spec.render ? spec.render(ctx, item) : item);
  const find = (req: SandboxRequest): T => {
    const item = collection(ctx, spec).get(req.params.id ?? '');
    if (!item) throw new SandboxHttpError(404, `${spec.resourceType.replace(/_/g, ' ')} not found`);
    return item;
  };
  const allowed = (req: SandboxRequest, permission: Permission | undefined) => {
    const key = keyOf(req, ctx.state());
    if (permission) require(key, permission[0], permission[1] as never);
    return key;
  };

  router.get(spec.path, (req) => {
    allowed(req, spec.view);
    return json([...collection(ctx, spec).values()].map(render));
  });
  router.get(`${spec.path}/:id`, (req) => {
    allowed(req, spec.view);
    return json(render(find(req)));
  });
  const create = (req: SandboxRequest, idOf: (fields: Record<string, unknown>) => string | undefined) => {
    const key = allowed(req, spec.manage);
    const fields = body(req);
    const id = idOf(fields);
    if (id !== undefined && collection(ctx, spec).has(id)) throw new SandboxHttpError(400, `${spec.resourceType.replace(/_/g, ' ')} ${id} already exists`);
    const item = spec.create(ctx, fields, id);
    collection(ctx, spec).set(spec.idOf(item), item);
    recordActivity(ctx, key, 'create', spec.resourceType, spec.idOf(item), render(item));
    return json(render(item));
  };
  const idField = spec.createAtItem;
  if (idField) {
    router.put(`${spec.path}/:id`, (req) => create(req, () => req.params.id));
    router.put(spec.path, (req) => create(req, (fields) => (typeof fields[idField] === 'string' ? fields[idField] : undefined)));
  } else {
    router.put(spec.path, (req) => create(req, () => undefined));
  }
  router.post(`${spec.path}/:id`, (req) => {
    const key = allowed(req, spec.manage);
    const item = find(req);
    spec.update(ctx, item, body(req));
    recordActivity(ctx, key, 'update', spec.resourceType, spec.idOf(item), render(item));
    return json(render(item));
  });
  router.delete(`${spec.path}/:id`, (req) => {
    const key = allowed(req, spec.manage);
    const item = find(req);
    spec.beforeDelete?.(ctx, item);
    collection(ctx, spec).delete(spec.idOf(item));
    recordActivity(ctx, key, 'delete', spec.resourceType, spec.idOf(item), render(item));
    return json({});
  });
}

export function str(body: Record<string, unknown>, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw new SandboxHttpError(400, `${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new SandboxHttpError(400, `${field} must be a string`);
  if (required && value.trim() === '') throw new SandboxHttpError(400, `${field} is required`);
  return value;
}

export function obj(body: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SandboxHttpError(400, `${field} must be an object`);
  return value as Record<string, unknown>;
}
