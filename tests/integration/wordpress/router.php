<?php
/*
 * Router for `php -S`: serves uploads from the instance's content folder, static files and
 * PHP entry points from the WordPress tree, and everything else (pretty permalinks, /wp-json/)
 * through index.php, as Apache's rewrite rules would.
 */
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$content = getenv('BYLINE_WP_CONTENT');
if ($content && str_starts_with($path, '/wp-content/uploads/')) {
    $file = realpath($content . substr($path, strlen('/wp-content')));
    if ($file && str_starts_with($file, realpath($content)) && is_file($file)) {
        $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png',
                  'gif' => 'image/gif', 'webp' => 'image/webp'];
        $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
if ($path !== '/' && is_file($root . $path)) {
    return false;  // a real file: the built-in server runs it (.php) or sends it
}
if (is_dir($root . $path) && is_file($root . rtrim($path, '/') . '/index.php')) {
    return false;
}
chdir($root);
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require $root . '/index.php';
