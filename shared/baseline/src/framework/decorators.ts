/**
 * The baseline's decorators, in the style of NestJS/ASP.NET MVC: routes, parameters and providers are
 * declared with decorators and recorded with reflect-metadata, then discovered at start and read back
 * on every request. This indirection is what lab 01 removes.
 */
import 'reflect-metadata';

export const META = {
  controller: Symbol('hotpath:controller'),
  routes: Symbol('hotpath:routes'),
  params: Symbol('hotpath:params'),
  injectable: Symbol('hotpath:injectable'),
  inject: Symbol('hotpath:inject'),
  status: Symbol('hotpath:status'),
} as const;

export type Constructor<T = object> = new (...args: any[]) => T;

export interface RouteMeta {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
}

type ParamKind = { kind: 'body'; dto: Constructor } | { kind: 'param'; name: string } | { kind: 'context' };

export type ParamMeta = ParamKind & { index: number };

/** Every class decorated with @Injectable or @Controller, in declaration order: what the container scans. */
export const discovered: Constructor[] = [];

export function Controller(prefix = ''): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(META.controller, prefix, target);
    discovered.push(target as unknown as Constructor);
  };
}

export function Injectable(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(META.injectable, true, target);
    discovered.push(target as unknown as Constructor);
  };
}

/** Constructor parameter injection by token (the class to inject). */
export function Inject(token: Constructor): ParameterDecorator {
  return (target, _key, index) => {
    const tokens: Constructor[] = Reflect.getOwnMetadata(META.inject, target) ?? [];
    tokens[index] = token;
    Reflect.defineMetadata(META.inject, tokens, target);
  };
}

function route(method: RouteMeta['method'], path: string): MethodDecorator {
  return (target, key) => {
    const routes: RouteMeta[] = Reflect.getOwnMetadata(META.routes, target.constructor) ?? [];
    routes.push({ method, path, handler: String(key) });
    Reflect.defineMetadata(META.routes, routes, target.constructor);
  };
}

export const Get = (path = ''): MethodDecorator => route('GET', path);
export const Post = (path = ''): MethodDecorator => route('POST', path);

/** The HTTP status a handler answers with when it returns normally. */
export function HttpCode(status: number): MethodDecorator {
  return (target, key) => Reflect.defineMetadata(META.status, status, target, key);
}

function param(meta: ParamKind): ParameterDecorator {
  return (target, key, index) => {
    const params: ParamMeta[] = Reflect.getOwnMetadata(META.params, target, key!) ?? [];
    params.push({ ...meta, index });
    Reflect.defineMetadata(META.params, params, target, key!);
  };
}

/** The JSON body, converted to an instance of `dto` and validated (a ValidationPipe). */
export const Body = (dto: Constructor): ParameterDecorator => param({ kind: 'body', dto });
export const Param = (name: string): ParameterDecorator => param({ kind: 'param', name });
/** The Hono context, for handlers that set headers. */
export const Ctx = (): ParameterDecorator => param({ kind: 'context' });

/**
 * Applies property decorators in the order listed. Stacked decorators run bottom-up, and class-validator
 * checks (with stopAtFirstError) in the order they were registered, so a plain stack would test the last
 * rule first; listing them here keeps "required, then type, then range".
 */
export function inOrder(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
