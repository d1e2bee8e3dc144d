/** The demo CMS in a process of its own, so the load generator does not share its event loop. */
import { startCms } from '../support/cms';

startCms().then((cms) => {
  process.send?.({ url: cms.url });
  process.on('message', async (message) => {
    if (message === 'restart') {
      await cms.restart();
      process.send?.({ restarted: true });
    }
    if (message === 'stop') {
      await cms.stop();
      process.exit(0);
    }
  });
});
