<?php
/*
 * Byline's test wp-config.php: replaces Debian's one in the project-local copy of WordPress,
 * so each test instance reads its own settings (database socket, content folder, URL) from the
 * file named by $BYLINE_WP_CONFIG instead of a shared /etc/wordpress.
 */
$byline_wp_config = getenv('BYLINE_WP_CONFIG');
if (!$byline_wp_config || !is_file($byline_wp_config)) {
    header('HTTP/1.0 500 Internal Server Error');
    echo "BYLINE_WP_CONFIG does not name an instance configuration file.\n";
    exit(1);
}
require $byline_wp_config;
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
