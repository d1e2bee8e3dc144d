/**
 * A real WordPress for the oEmbed tests: Debian's `wordpress` package (6.1) on its own MariaDB,
 * both private to the test (a temporary directory, a socket, no TCP port for the database), served
 * by PHP's built-in server. Recipe and pitfalls: /work/shared/TOOLCHAIN.md, "Checked on 2026-12-07".
 *
 * The one change to WordPress is a test-only mu-plugin: WordPress refuses to fetch from the
 * loopback address, and from any port but 80, 443 and 8080, when it looks for an oEmbed provider;
 * the test's CMS is on 127.0.0.1 and a free port. Nothing else is configured: a pasted link goes
 * through WordPress's own discovery, oEmbed and sandboxing, and its own wp-embed.js sizes the frame.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureDebianPackage } from './debian';

const WORDPRESS = '/usr/share/wordpress';
const PACKAGES = 'wordpress php-cli php-mysql mariadb-server';

export interface TestWordPress {
  /** e.g. http://127.0.0.1:41235 */
  url: string;
  /**
   * Runs PHP `code` (no opening tag) with WordPress loaded; resolves to what it prints. Never
   * synchronously: WordPress may fetch from the test's CMS, which answers from this same process.
   */
  php(code: string): Promise<string>;
  /**
   * A post whose content is `content`; returns the address of a page showing it as a theme would
   * (wp_head, the_content, wp_footer: WordPress's own scripts, wp-embed.js among them).
   */
  post(content: string): Promise<string>;
  stop(): Promise<void>;
}

/** Installs the packages when missing; returns why they cannot be had, or null. */
export const ensureWordPress = (): string | null => ensureDebianPackage(PACKAGES, path.join(WORDPRESS, 'wp-load.php'), { recommends: false });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function until(ready: () => boolean, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not start in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const quiet = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The host page for a post: a theme's minimum, so WordPress prints what a theme would. */
const HOST_PAGE = `<?php
require __DIR__ . '/wp-load.php';
$post = get_post( (int) $_GET['p'] );
setup_postdata( $post );
?><!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title><?php echo esc_html( get_the_title( $post ) ); ?></title><link rel="icon" href="data:,"><?php wp_head(); ?></head>
<body><main><h1><?php echo esc_html( get_the_title( $post ) ); ?></h1>
<p><a id="before" href="#before">Before the offer</a></p>
<?php the_content(); ?>
<p><a id="after" href="#after">After the offer</a></p>
</main><?php wp_footer(); ?></body></html>
`;

/** Test only: lets WordPress look for an oEmbed provider on the loopback address, on any port. */
const MU_PLUGIN = `<?php
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_allowed_safe_ports', function ( $ports, $host, $url ) {
	$ports[] = (int) wp_parse_url( $url, PHP_URL_PORT );
	return $ports;
}, 10, 3 );
`;

export async function startWordPress(): Promise<TestWordPress> {
  const missing = ensureWordPress();
  if (missing) throw new Error(`WordPress cannot be installed: ${missing}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'kinship-offer-wordpress-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const data = path.join(dir, 'db');
    const socket = path.join(dir, 'mariadb.sock');
    execFileSync('mariadb-install-db', [`--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
    children.push(spawn('mariadbd', [`--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--pid-file=${path.join(dir, 'mariadb.pid')}`], { stdio: 'ignore' }));
    await until(() => existsSync(socket) && quiet('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress']), 'MariaDB');

    const root = path.join(dir, 'wordpress');
    // Debian's wp-config.php reads /etc/wordpress; the copy has its own.
    cpSync(WORDPRESS, root, { recursive: true, dereference: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      path.join(root, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_DEBUG', false );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
`,
    );
    mkdirSync(path.join(root, 'wp-content', 'mu-plugins'), { recursive: true });
    writeFileSync(path.join(root, 'wp-content', 'mu-plugins', 'kinship-offer-test.php'), MU_PLUGIN);
    writeFileSync(path.join(root, 'kinship-offer-host.php'), HOST_PAGE);

    const php = async (code: string) =>
      (await promisify(execFile)('php', ['-d', 'display_errors=stderr', '-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; require '${root}/wp-load.php'; ${code}`], { encoding: 'utf8' })).stdout;
    execFileSync(
      'php',
      ['-r', `define( 'WP_INSTALLING', true ); $_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; require '${root}/wp-load.php'; require '${root}/wp-admin/includes/upgrade.php'; wp_install( 'Example Borough Council', 'admin', 'admin@example.gov.uk', false, '', 'Test-Only-Password-2026' );`],
      { stdio: 'ignore' },
    );
    children.push(spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], { stdio: 'ignore' }));
    await until(() => quiet('php', ['-r', `exit(@file_get_contents('${url}/kinship-offer-host.php?p=1') === false ? 1 : 0);`]), 'PHP\'s server');

    return {
      url,
      php,
      async post(content) {
        const id = (await php(`echo wp_insert_post( [ 'post_title' => 'Support for kinship carers', 'post_content' => ${JSON.stringify(content).replace(/\$/g, '\\$')}, 'post_status' => 'publish' ] );`)).trim();
        return `${url}/kinship-offer-host.php?p=${id}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
