// A second process working on a dossier, for the dossier tests. Usage:
//   node dossier-child.mjs STORE_MODULE_URL MODE DIR [ARGS…]
// MODE save-loop DIR A_FILE B_FILE  open, print "ready", then save B and A alternately (autosaving first and
//                                   tabling the 1st, 4th, 7th … save) until killed; prints "save N" just
//                                   before each save and "table N" before each tabling, so that the parent
//                                   can aim a kill at the middle of one
// MODE hold DIR                     open for writing, print "ready", wait to be killed
// MODE autosave DIR TEXT_FILE       open, autosave the text, print "autosaved", wait to be killed
// MODE try-open DIR                 try to open for writing; print one JSON line {ok, code?, message?}
import { readFileSync } from 'node:fs';

const [storeUrl, mode, dir, ...args] = process.argv.slice(2);
const { openDossier } = await import(storeUrl);
const say = (line) => process.stdout.write(line + '\n');
const forever = () => setInterval(() => {}, 60_000);

switch (mode) {
  case 'save-loop': {
    const texts = [readFileSync(args[0], 'utf8'), readFileSync(args[1], 'utf8')];
    const handle = await openDossier(dir);
    say('ready');
    for (let i = 1; ; i++) {
      const text = texts[i % 2];
      await handle.autosave(text);
      say(`save ${i}`);
      await handle.saveWorking(text);
      if (i % 3 === 1) say(`table ${i}`);
      if (i % 3 === 1) await handle.tableWorking({ label: `Loop ${process.pid} save ${i}`, by: i % 2 ? 'US' : 'EU' });
    }
  }
  case 'hold': {
    await openDossier(dir);
    say('ready');
    forever();
    break;
  }
  case 'autosave': {
    const handle = await openDossier(dir);
    await handle.autosave(readFileSync(args[0], 'utf8'));
    say('autosaved');
    forever();
    break;
  }
  case 'try-open': {
    try {
      const handle = await openDossier(dir);
      await handle.close();
      say(JSON.stringify({ ok: true }));
    } catch (error) {
      say(JSON.stringify({ ok: false, name: error.name, code: error.code, message: error.message }));
    }
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
