/**
 * `parley init DIR`: a new, empty dossier.
 */
import type { Command } from 'commander';
import { createDossier } from '../dossier/store.js';
import { UserError } from '../read-draft-file.js';
import { consoleOutput, type Output } from './output.js';

/** Distinct, print-safe colours given to parties in the order they are named. */
const PALETTE = ['#1f4e9c', '#b22234', '#2e7d32', '#8e44ad', '#c77700', '#00838f'];

export interface InitCliOptions {
  title: string;
  party: string[];
  topic?: string[];
}

export async function initDossier(dir: string, options: InitCliOptions, output: Output = consoleOutput): Promise<number> {
  if (options.party.length === 0) throw new UserError('Name at least one party: --party EU="European Union".');
  const parties = options.party.map((spec, i) => {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m) throw new UserError(`--party ${spec}: write it as ID="Full name", e.g. --party US="United States of America".`);
    return { id: m[1]!.trim(), name: m[2]!.trim(), colour: PALETTE[i % PALETTE.length]! };
  });
  await createDossier(dir, { title: options.title, parties, topics: options.topic ?? [] });
  output.out(`Created dossier ${dir} with ${parties.map((p) => p.id).join(', ')}. Edit ${dir}/working.md, then: parley table ${dir} --label "..." --by ${parties[0]!.id}`);
  return 0;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerInit(program: Command): void {
  program
    .command('init')
    .argument('<dir>', 'a new or empty folder')
    .description('create a new dossier: dossier.yaml, versions/, an empty working draft')
    .requiredOption('--title <title>', 'the instrument\'s title')
    .option('--party <ID=Name>', 'a party (repeat for each)', collect, [])
    .option('--topic <topic>', 'a topic of the taxonomy (repeat for each)', collect, [])
    .addHelpText('after', '\nExample:\n  parley init rare-earths --title "MoU on Critical Minerals" --party EU="European Union" --party US="United States of America"')
    .action(async (dir: string, options: InitCliOptions) => {
      process.exitCode = await initDossier(dir, options);
    });
}
