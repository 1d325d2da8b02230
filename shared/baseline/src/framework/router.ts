/**
 * Mounts decorated controllers on Hono. Routes with a @Body parameter get the media-type and size guards
 * first. Every request then reads the route's parameter metadata back with reflect-metadata, constructs a
 * fresh controller through the container, runs the validation pipe for @Body parameters, and passes the
 * handler's result through instanceToPlain (a ClassSerializerInterceptor) before it is written as JSON.
 */
import 'reflect-metadata';
import { BODY_LIMIT_BYTES, MESSAGES, isJsonContentType } from '@hotpath/api';
import { instanceToPlain } from 'class-transformer';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Container } from './container.ts';
import { META, type Constructor, type ParamMeta, type RouteMeta } from './decorators.ts';
import { UnsupportedMediaType } from './errors.ts';
import { readJson, transformAndValidate } from './pipes.ts';

/**
 * A route with a @Body parameter runs these before its handler, in the contract's order: the route matched
 * (else 404), then the media type (415, before anything of the body is read), then the size (413).
 */
const requireJson: MiddlewareHandler = async (c, next) => {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw UnsupportedMediaType(MESSAGES.unsupportedMediaType);
  }
  await next();
};

/** 413 past 1 MiB, counted as the body streams in. */
const limitBody = bodyLimit({ maxSize: BODY_LIMIT_BYTES });

export function mountControllers(app: Hono, container: Container): void {
  for (const controller of container.controllers) {
    const prefix: string = Reflect.getMetadata(META.controller, controller);
    const routes: RouteMeta[] = Reflect.getMetadata(META.routes, controller) ?? [];
    for (const route of routes) {
      const path = `${prefix}${route.path}` || '/';
      const params: ParamMeta[] = Reflect.getMetadata(META.params, controller.prototype, route.handler) ?? [];
      const handler: MiddlewareHandler = (c) => invoke(c, container, controller, route);
      if (params.some((param) => param.kind === 'body')) app.on(route.method, path, requireJson, limitBody, handler);
      else app.on(route.method, path, handler);
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
