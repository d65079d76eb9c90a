/* Writing outputs: atomically to a file (a temporary name in the same
 * folder, renamed into place when complete), and Graphviz drawings. */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

int cli_write_file(const char *path, const cg_buf *out)
{
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    if (cg_atomic_open(&af, path, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_write_all(af.fp, path, out->data ? out->data : "", out->len, &err) != CG_OK) {
        cg_atomic_abort(&af);
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_atomic_commit(&af, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

int cli_write_output(const char *path, const cg_buf *out)
{
    return path == NULL ? cli_write_stdout(out) : cli_write_file(path, out);
}

int cli_make_dirs(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path) {
        cli_error("%s: invalid folder name", dir);
        return 0;
    }
    memcpy(path, dir, n + 1);
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        struct stat st;
        if (stat(path, &st) != 0) {
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                cli_error("%s: cannot create the folder: %s", path, strerror(errno));
                return 0;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            cli_error("%s: not a folder", path);
            return 0;
        }
        *p = c;
        if (c == '\0')
            break;
    }
    return 1;
}

/* Writes buf to fd entirely; 0 on error. */
static int write_fd(int fd, const cg_buf *buf)
{
    size_t off = 0;
    while (off < buf->len) {
        ssize_t w = write(fd, buf->data + off, buf->len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return 0;
        off += (size_t)w;
    }
    return 1;
}

int cli_draw_svg(const cg_buf *dot, const char *path)
{
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        cli_error("%s: path too long", path);
        return -1;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        cli_error("cannot run dot: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    char arg0[] = "dot", arg1[] = "-Tsvg", arg2[] = "-o";
    char *args[] = {arg0, arg1, arg2, tmp, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "dot", &fa, NULL, args, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[0]);
    if (rc != 0) {
        close(fds[1]);
        return rc == ENOENT ? 0 : (cli_error("cannot run dot: %s", strerror(rc)), -1);
    }
    /* dot may stop reading early: a broken pipe is its error, not ours */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    int wrote = write_fd(fds[1], dot);
    close(fds[1]);
    signal(SIGPIPE, old);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!wrote || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
            unlink(tmp);
            return 0; /* the shell's "not found" */
        }
        unlink(tmp);
        cli_error("%s: dot failed to draw the graph", path);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 1;
}
