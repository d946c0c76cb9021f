import { it } from 'vitest';
import { inProcess } from '../helpers/main.js';
it('dbg', async () => {
  const cli = await inProcess();
  const r = await cli.run(['orders', 'list']);
  console.log(JSON.stringify(r.stdout));
});
