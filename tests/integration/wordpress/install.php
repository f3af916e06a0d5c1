<?php
/*
 * Installs a fresh WordPress site into an empty database and prints, as JSON, the users and the
 * application passwords the tests log in with. Run by server.py with BYLINE_WP_CONFIG set:
 *   php install.php WORDPRESS_DIR SITE_URL
 */
[$script, $wp_dir, $site_url] = $argv;
$parts = parse_url($site_url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);

function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {
    // No mail from a test site.
}

require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$admin_password = 'byline-admin-' . bin2hex(random_bytes(6));
$result = wp_install('Byline test site', 'editor', 'editor@example.test', true, '', $admin_password);
update_option('permalink_structure', '/%postname%/');
update_option('uploads_use_yearmonth_folders', 0);

$reader_password = 'byline-reader-' . bin2hex(random_bytes(6));
$reader_id = wp_create_user('reader', $reader_password, 'reader@example.test');
(new WP_User($reader_id))->set_role('subscriber');

$out = ['users' => []];
foreach ([['editor', $result['user_id'], $admin_password], ['reader', $reader_id, $reader_password]] as [$name, $id, $pw]) {
    [$app_password, $item] = WP_Application_Passwords::create_new_application_password(
        $id, ['name' => 'byline-tests']
    );
    $out['users'][$name] = ['id' => $id, 'password' => $pw, 'app_password' => $app_password];
}
echo json_encode($out), "\n";
