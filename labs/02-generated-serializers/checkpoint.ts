/**
 * Lab 02's checkpoint, against lab 01's reference (the manifest's baseline for this lab). Micro: the same
 * body made in one run by lab 01's JSON.stringify (the baseline), the reference's generated code and yours,
 * and two peers — fast-json-stringify (compiled from the same schema at startup, with new Function) and
 * JSON.stringify given the same Todos as class instances (as lab 00's DTOs are: on Node 26, V8's
 * JSON.stringify fast path takes plain objects only) — as JSON text and as the UTF-8 bytes a socket needs
 * (text then Buffer.from, or written in place by generated writers), for one Todo and for the 100 seeded
 * Todos; plus validating a POST /todos body, against lab 01's hand-written check and TypeBox's Value.Check
 * (the schema walked at run time: reflection's way). Load: GET /todos (cached since lab 01), GET /todos/:id
 * (one Todo serialized per request) and POST /todos (validate, store, serialize), against lab 01's server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTodoStore, type Todo } from '@hotpath/api';
import { schemas } from '@hotpath/api/schemas';
import { defineCheckpoint, type CheckpointSubject } from '@hotpath/harness';
import { Value } from '@sinclair/typebox/value';
import fastJson from 'fast-json-stringify';

const todos: Todo[] = [...createTodoStore().values()];
const one = todos[41];
const createBody = { title: 'Measure the generated serializer', isComplete: false };
const json = { 'content-type': 'application/json' };

type Tasks = Partial<Record<keyof typeof NAMES, (i: number) => unknown>>;

/** Lab 01's way: JSON.stringify, Buffer.from for the bytes, its hand-written validator. */
async function lab01Tasks(subject: CheckpointSubject): Promise<Tasks> {
  const { validateCreateTodo } = await import(pathToFileURL(join(subject.dir, 'src', 'validate.ts')).href);
  return {
    oneText: () => JSON.stringify(one),
    listText: () => JSON.stringify(todos),
    oneBytes: () => Buffer.from(JSON.stringify(one)),
    listBytes: () => Buffer.from(JSON.stringify(todos)),
    // Lab 01 has no way to write in place: its figure for these rows is the same text-then-bytes path.
    oneInPlace: () => Buffer.from(JSON.stringify(one)),
    listInPlace: () => Buffer.from(JSON.stringify(todos)),
    validate: () => validateCreateTodo(createBody),
  };
}

/**
 * A lab 02 package's generated code, from its src/generated/. Missing pieces (not generated yet) are left
 * out, and their rows show "–". The "in place" rows need generated writers (src/generated/writers.ts, the
 * reference's going-further step).
 */
async function generatedTasks(subject: CheckpointSubject): Promise<Tasks> {
  const file = (name: string) => join(subject.dir, 'src', 'generated', name);
  const load = async (name: string) => (existsSync(file(name)) ? import(pathToFileURL(file(name)).href) : undefined);
  const serializers = await load('serializers.ts').catch(() => undefined);
  const validators = await load('validators.ts').catch(() => undefined);
  const writers = await load('writers.ts').catch(() => undefined);
  const tasks: Tasks = {};
  if (serializers) {
    tasks.oneText = () => serializers.serializeTodo(one);
    tasks.listText = () => serializers.serializeTodoList(todos);
    tasks.oneBytes = () => Buffer.from(serializers.serializeTodo(one));
    tasks.listBytes = () => Buffer.from(serializers.serializeTodoList(todos));
  }
  if (writers) {
    const { Utf8Writer } = await import(pathToFileURL(join(subject.dir, 'src', 'json-runtime.ts')).href);
    const out = new Utf8Writer();
    tasks.oneInPlace = () => (writers.writeTodo(out, one), out.take());
    tasks.listInPlace = () => (writers.writeTodoList(out, todos), out.take());
  }
  if (validators) tasks.validate = () => validators.validateCreateTodo(createBody);
  // A piece that throws (an unfinished quote(), say) is left out rather than failing the run.
  for (const [key, fn] of Object.entries(tasks)) {
    try {
      fn(0);
    } catch {
      delete tasks[key as keyof Tasks];
    }
  }
  return tasks;
}

const NAMES = {
  oneText: 'one Todo → JSON text',
  listText: '100 Todos → JSON text',
  oneBytes: 'one Todo → UTF-8 bytes via text',
  listBytes: '100 Todos → UTF-8 bytes via text',
  oneInPlace: 'one Todo → UTF-8 bytes in place',
  listInPlace: '100 Todos → UTF-8 bytes in place',
  validate: 'validate a POST /todos body',
} as const;

const microOf = (tasks: Tasks) =>
  (Object.keys(NAMES) as Array<keyof typeof NAMES>).flatMap((key) => (tasks[key] ? [{ name: NAMES[key], fn: tasks[key]! }] : []));

/** A Todo as a class instance: the same three own properties, another prototype (lab 00's DTOs are classes). */
class TodoInstance {
  id: number;
  title: string;
  isComplete: boolean;
  constructor(todo: Todo) {
    this.id = todo.id;
    this.title = todo.title;
    this.isComplete = todo.isComplete;
  }
}

/** JSON.stringify on the same Todos as class instances: the same text, off V8's fast path where it has one. */
function classInstanceTasks(): Tasks {
  const instances = todos.map((todo) => new TodoInstance(todo));
  const instance = instances[41];
  return {
    oneText: () => JSON.stringify(instance),
    listText: () => JSON.stringify(instances),
  };
}

/** TypeBox's run-time checker: walks the schema for every value (the path of a problem would cost a second walk). */
function schemaWalkTasks(): Tasks {
  return { validate: () => Value.Check(schemas.CreateTodo, createBody) };
}

/** fast-json-stringify, compiled once from the same schemas the generator reads. */
function fastJsonStringifyTasks(): Tasks {
  const todo = fastJson(schemas.Todo);
  const list = fastJson(schemas.TodoList);
  return {
    oneText: () => todo(one),
    listText: () => list(todos),
    oneBytes: () => Buffer.from(todo(one)),
    listBytes: () => Buffer.from(list(todos)),
  };
}

export default defineCheckpoint(async (subject) => {
  const lab01 = subject.key === 'baseline' || !existsSync(join(subject.dir, 'src', 'registry.ts'));
  return {
    micro: microOf(lab01 ? await lab01Tasks(subject) : await generatedTasks(subject)),
    peers: [
      { name: 'fast-json-stringify', micro: microOf(fastJsonStringifyTasks()) },
      { name: 'JSON.stringify(class instances)', micro: microOf(classInstanceTasks()) },
      { name: 'TypeBox Value.Check', micro: microOf(schemaWalkTasks()) },
    ],
    scenarios: [
      { name: 'GET /health', method: 'GET', path: '/health' },
      { name: 'GET /todos', method: 'GET', path: '/todos' },
      { name: 'GET /todos/42', method: 'GET', path: '/todos/42' },
      { name: 'POST /todos', method: 'POST', path: '/todos', headers: json, body: JSON.stringify(createBody) },
    ],
  };
});
