// Drives the installed jmp kernel through JupyterLab's own client library (@jupyterlab/services),
// against a Jupyter server the Python side (test_lab.py) started on 127.0.0.1: what JupyterLab
// receives for plain output, a %%pool progress display updated in place, a %%shared table
// updating, display() handles updated later, a --bg run streaming after its reply, completion,
// inspection, and an interrupt through the REST API. Every wait is for a message or a file; the
// only time limit is a hang detector. Prints "N passed, N failed" and exits non-zero on failure.
import { KernelManager, ServerConnection } from '@jupyterlab/services';
import WebSocket from 'ws';
import fs from 'node:fs';
import path from 'node:path';

const HANG = 300_000;
const url = process.env.JMP_LAB_URL;
const token = process.env.JMP_LAB_TOKEN;
const work = process.env.JMP_LAB_WORK;
if (!url || !token || !work) {
  console.error('lab_client.mjs needs JMP_LAB_URL, JMP_LAB_TOKEN and JMP_LAB_WORK');
  process.exit(2);
}

const serverSettings = ServerConnection.makeSettings({ baseUrl: url, wsUrl: url.replace(/^http/, 'ws'), token, WebSocket });
let passed = 0;
let failed = 0;

function check(condition, what, detail) {
  if (!condition) {
    throw new Error(what + (detail === undefined ? '' : ': ' + JSON.stringify(detail)));
  }
}

/** Resolves when predicate() holds, re-checked on every IOPub message and file poll; fails after HANG ms. */
function until(kernel, predicate, describe) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { done(); reject(new Error('hang: ' + describe())); }, HANG);
    const poll = setInterval(test, 50); // files appear without a message
    function done() { clearTimeout(timer); clearInterval(poll); kernel.iopubMessage.disconnect(test); }
    function test() {
      let value;
      try { value = predicate(); } catch (e) { done(); reject(e); return; }
      if (value) { done(); resolve(value); }
    }
    kernel.iopubMessage.connect(test);
    test();
  });
}

/** Every IOPub message the kernel sends, as Lab's kernel connection sees it. */
const seen = [];

/** Runs a cell as a notebook does; returns its reply content and the IOPub messages that came with it. */
async function execute(kernel, code) {
  const future = kernel.requestExecute({ code, stop_on_error: true });
  const messages = [];
  future.onIOPub = (msg) => { messages.push(msg); };
  const reply = await future.done;
  return { reply: reply.content, messages, msgId: future.msg.header.msg_id };
}

const text = (messages, name) => messages.filter((m) => m.header.msg_type === 'stream' && m.content.name === name)
  .map((m) => m.content.text).join('');
const result = (messages) => messages.find((m) => m.header.msg_type === 'execute_result');

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e.stack || e}`);
  }
}

const manager = new KernelManager({ serverSettings });
await manager.ready;
const kernel = await manager.startNew({ name: 'jmp' });
kernel.iopubMessage.connect((_, msg) => { seen.push(msg); });
try {
  const info = await kernel.info;
  console.log(`kernel ${kernel.id}: ${info.implementation} ${info.implementation_version}, ${info.language_info.name}`);

  await step('execute: stream output and the result', async () => {
    const { reply, messages } = await execute(kernel, 'System.out.println("hello lab");\n6 * 7');
    check(reply.status === 'ok', 'status', reply);
    check(text(messages, 'stdout') === 'hello lab\n', 'stdout', text(messages, 'stdout'));
    check(result(messages)?.content.data['text/plain'] === '42', 'result', result(messages)?.content);
    const states = messages.filter((m) => m.header.msg_type === 'status').map((m) => m.content.execution_state);
    check(states[0] === 'busy' && states[states.length - 1] === 'idle', 'busy ... idle', states);
  });

  await step('%%pool: one progress display updated in place to 100%', async () => {
    const { reply, messages } = await execute(kernel,
      '%%pool --over List.of(1, 2, 3, 4, 5, 6, 7, 8) --as x -n 2 --out squares\nSystem.out.println("item " + x);\nreturn x * x;');
    check(reply.status === 'ok', 'status', reply);
    const shown = messages.filter((m) => m.header.msg_type === 'display_data' && m.content.transient?.display_id);
    check(shown.length >= 1, 'a progress display with a display_id', messages.map((m) => m.header.msg_type));
    const id = shown[0].content.transient.display_id;
    const updates = messages.filter((m) => m.header.msg_type === 'update_display_data' && m.content.transient?.display_id === id);
    check(updates.length >= 1, 'updates of the progress display');
    const last = updates[updates.length - 1].content.data;
    check(/8\/8 \(100%\)/.test(last['text/plain']) && last['text/html'].includes('100%'), 'final progress', last);
    for (let i = 1; i <= 8; i++) {
      check(text(messages, 'stdout').includes(`item ${i}\n`), `item ${i}'s output in its cell`, text(messages, 'stdout'));
    }
    const after = await execute(kernel, 'squares');
    check(result(after.messages)?.content.data['text/plain'] === '[1, 4, 9, 16, 25, 36, 49, 64]', 'results', result(after.messages)?.content);
  });

  await step('display(): a handle updated from a later cell', async () => {
    const first = await execute(kernel, 'var handle = display("first");');
    const shown = first.messages.find((m) => m.header.msg_type === 'display_data');
    const id = shown?.content.transient?.display_id;
    check(id && shown.content.data['text/plain'] === 'first', 'display with an id', shown?.content);
    const later = await execute(kernel, 'handle.update(html("<b>second</b>"));');
    check(later.reply.status === 'ok', 'status', later.reply);
    // The update goes under the cell that made the display (whichever cell asks for it).
    const update = await until(kernel, () => seen.find((m) => m.header.msg_type === 'update_display_data'
      && m.content.transient?.display_id === id), () => 'no update_display_data for ' + id);
    check(update.content.data['text/html'] === '<b>second</b>', 'the new content', update.content);
  });

  await step('%%shared: the table updates while a worker changes it', async () => {
    const declared = await execute(kernel, '%%shared\nSharedCounter labTickets = counter(5);');
    check(declared.reply.status === 'ok', 'status', declared.reply);
    const table = declared.messages.find((m) => m.header.msg_type === 'display_data' && m.content.transient?.display_id);
    check(table && /labTickets\s+SharedCounter\s+5/.test(table.content.data['text/plain']), 'table', table?.content);
    const id = table.content.transient.display_id;
    const spawned = await execute(kernel, '%%spawn\nfor (int i = 0; i < 5; i++) { labTickets.decrementAndGet(); }');
    check(spawned.reply.status === 'ok', 'status', spawned.reply);
    await until(kernel, () => seen.some((m) => m.header.msg_type === 'update_display_data'
      && m.content.transient?.display_id === id && /labTickets\s+SharedCounter\s+0\b/.test(m.content.data['text/plain'])),
      () => 'no update of the %%shared table to 0');
  });

  await step('%%spawn --bg: output streams into its cell after the reply', async () => {
    const gate = path.join(work, 'bg-gate');
    const { reply, messages, msgId } = await execute(kernel,
      `%%spawn --bg --name labbg\nSystem.out.println("bg before");\n`
      + `while (!java.nio.file.Files.exists(java.nio.file.Path.of(${JSON.stringify(gate)}))) { Thread.sleep(20); }\n`
      + 'System.out.println("bg after");');
    check(reply.status === 'ok', 'status', reply);
    check(!text(messages, 'stdout').includes('bg after'), 'nothing after the gate before it opens');
    fs.writeFileSync(gate, ''); // only now, with the reply in hand
    await until(kernel, () => seen.some((m) => m.header.msg_type === 'stream' && m.parent_header.msg_id === msgId
      && m.content.text.includes('bg after')), () => 'no "bg after" under the --bg cell');
    const waited = await execute(kernel, '%wait labbg');
    check(waited.reply.status === 'ok', '%wait', waited.reply);
  });

  await step('completion and inspection', async () => {
    const completion = (await kernel.requestComplete({ code: 'Math.ma', cursor_pos: 7 })).content;
    check(completion.status === 'ok' && completion.matches.some((m) => m.startsWith('max')), 'Math.ma completes', completion);
    const magic = (await kernel.requestComplete({ code: '%%po', cursor_pos: 4 })).content;
    check(magic.matches.some((m) => m.includes('pool')), '%%po completes', magic);
    const inspection = (await kernel.requestInspect({ code: 'Math.max', cursor_pos: 8, detail_level: 0 })).content;
    check(inspection.status === 'ok' && inspection.found && inspection.data['text/plain'].includes('max('), 'Math.max inspects', inspection);
  });

  await step('interrupt through the REST API stops a %%pool; the kernel goes on', async () => {
    const started = path.join(work, 'pool-started');
    const future = kernel.requestExecute({
      code: `%%pool --over List.of(1, 2, 3, 4) --as i -n 2\njava.nio.file.Files.writeString(java.nio.file.Path.of(${JSON.stringify(started)} + i), "");\n`
        + 'Thread.sleep(600_000);\nreturn i;',
    });
    await until(kernel, () => fs.readdirSync(work).some((f) => f.startsWith('pool-started')), () => 'no pool item started');
    await kernel.interrupt(); // POST /api/kernels/ID/interrupt, as Lab's stop button
    const reply = (await future.done).content;
    check(reply.status === 'error' && reply.ename === 'Interrupted', 'interrupted reply', reply);
    const after = await execute(kernel, '40 + 2');
    check(result(after.messages)?.content.data['text/plain'] === '42', 'kernel alive', after.reply);
  });
} finally {
  await kernel.shutdown();
  manager.dispose();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
