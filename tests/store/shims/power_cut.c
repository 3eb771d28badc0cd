/* LD_PRELOAD shim modelling a power cut: a file deletion is not durable until its
 * folder is synced. unlink() of a "-journal" file is only remembered; fsync() or
 * fdatasync() of a directory performs the remembered deletions. A process killed
 * before a directory sync thus leaves its journal behind, as the disk would after
 * a power cut. Built by the tests with the system C compiler, never committed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PENDING 16
static char pending[PENDING][4096];
static int count = 0;

static int (*real_unlink)(const char *) = 0;

static int is_journal(const char *path) {
    size_t n = strlen(path);
    return n > 8 && strcmp(path + n - 8, "-journal") == 0;
}

int unlink(const char *path) {
    if (!real_unlink) real_unlink = dlsym(RTLD_NEXT, "unlink");
    if (is_journal(path) && count < PENDING && strlen(path) < 4096) {
        strcpy(pending[count++], path);
        return 0;
    }
    return real_unlink(path);
}

static void flush_pending(int fd) {
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode)) return;
    if (!real_unlink) real_unlink = dlsym(RTLD_NEXT, "unlink");
    for (int i = 0; i < count; i++) real_unlink(pending[i]);
    count = 0;
}

int fsync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = dlsym(RTLD_NEXT, "fsync");
    flush_pending(fd);
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = dlsym(RTLD_NEXT, "fdatasync");
    flush_pending(fd);
    return real(fd);
}
