/**
 * A small dependency-injection container that discovers providers by scanning decorator metadata, the
 * way NestJS builds its module graph. Providers are singletons; controllers are created per request
 * (like ASP.NET MVC's controller factory), so every request pays for a controller instance and a
 * metadata lookup of its constructor's dependencies.
 */
import 'reflect-metadata';
import { META, discovered, type Constructor } from './decorators.ts';

export class Container {
  private readonly singletons = new Map<Constructor, unknown>();
  readonly controllers: Constructor[] = [];
  readonly providers: Constructor[] = [];

  /** Scans everything decorated so far and registers it. */
  scan(): this {
    for (const target of discovered) {
      if (Reflect.hasOwnMetadata(META.controller, target)) this.controllers.push(target);
      else if (Reflect.getOwnMetadata(META.injectable, target)) this.providers.push(target);
    }
    return this;
  }

  /** Registers a ready-made instance for a token (used to hand the app its sink and logger). */
  provide<T extends object>(token: Constructor<T>, instance: T): this {
    this.singletons.set(token, instance);
    return this;
  }

  get<T extends object>(token: Constructor<T>): T {
    const existing = this.singletons.get(token);
    if (existing !== undefined) return existing as T;
    if (!this.providers.includes(token)) {
      throw new Error(`No provider for ${token.name}: decorate it with @Injectable() and import it before scan()`);
    }
    const instance = this.construct(token);
    this.singletons.set(token, instance);
    return instance;
  }

  /** Creates a new instance, resolving constructor dependencies from metadata. */
  construct<T extends object>(target: Constructor<T>): T {
    const tokens: Constructor[] = Reflect.getOwnMetadata(META.inject, target) ?? [];
    const args = tokens.map((token) => this.get(token));
    return new target(...args);
  }
}
