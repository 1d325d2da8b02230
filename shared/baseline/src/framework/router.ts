/**
 * Mounts decorated controllers on Hono. Every request reads the route's parameter metadata back with
 * reflect-metadata, constructs a fresh controller through the container, runs the validation pipe for
 * @Body parameters, and passes the handler's result through instanceToPlain (a ClassSerializerInterceptor)
 * before it is written as JSON.
 */
import 'reflect-metadata';
import { instanceToPlain } from 'class-transformer';
import type { Context, Hono } from 'hono';
import type { Container } from './container.ts';
import { META, type Constructor, type ParamMeta, type RouteMeta } from './decorators.ts';
import { readJson, transformAndValidate } from './pipes.ts';

export function mountControllers(app: Hono, container: Container): void {
  for (const controller of container.controllers) {
    const prefix: string = Reflect.getMetadata(META.controller, controller);
    const routes: RouteMeta[] = Reflect.getMetadata(META.routes, controller) ?? [];
    for (const route of routes) {
      const path = `${prefix}${route.path}` || '/';
      app.on(route.method, path, (c) => invoke(c, container, controller, route));
    }
  }
}

async function invoke(c: Context, container: Container, controller: Constructor, route: RouteMeta): Promise<Response> {
  const instance = container.construct(controller) as Record<string, (...args: unknown[]) => unknown>;
  const params: ParamMeta[] = Reflect.getMetadata(META.params, controller.prototype, route.handler) ?? [];
  const args: unknown[] = [];
  for (const param of params) {
    if (param.kind === 'body') args[param.index] = await transformAndValidate(param.dto, await readJson(c));
    else if (param.kind === 'param') args[param.index] = c.req.param(param.name);
    else args[param.index] = c;
  }
  const result = await instance[route.handler]!(...args);
  const status: number = Reflect.getMetadata(META.status, controller.prototype, route.handler) ?? 200;
  return c.json(instanceToPlain(result), status as 200);
}
