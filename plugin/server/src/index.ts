/** The server side of the kinship-offer plugin, assembled. */
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { getService } from './services/get-service';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  /** Writes the reach counts not yet written before the database closes. */
  destroy: () => getService('reach').stop(),
  config,
  contentTypes,
  controllers,
  routes,
  services,
};
