/* Test-only stand-in for version.dll (never shipped), loaded only when WINEDLLOVERRIDES
 * holds "version=n,b": the Windows check sets it for the second-instance check.
 *
 * Wine 8.0's _locking fails without setting errno, so msvcrt.locking raises OSError with
 * errno 0 where Windows gives EACCES, and both programs would get write access. Python's
 * DLL imports version.dll, so this one is loaded into every Python process: it forwards
 * the version functions to kernelbase (version.def) and redirects ucrtbase's _locking to
 * the same implementation, with the errno Windows sets. */
#include <windows.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#define LK_UNLCK 0
#define LK_LOCK 1
#define LK_RLCK 3

static intptr_t(__cdecl *get_osfhandle)(int);
static long long(__cdecl *lseeki64)(int, long long, int);
static int *(__cdecl *errno_location)(void);

static int __cdecl windows_locking(int fd, int mode, long nbytes)
{
    HANDLE handle = (HANDLE)get_osfhandle(fd);
    long long position = lseeki64(fd, 0, 1 /* SEEK_CUR */);
    DWORD low = (DWORD)position, high = (DWORD)(position >> 32);
    int blocking = mode == LK_LOCK || mode == LK_RLCK;
    int tries = blocking ? 10 : 1; /* Windows retries a blocking lock once a second */

    if (handle == INVALID_HANDLE_VALUE || position < 0)
        return -1;
    if (mode == LK_UNLCK) {
        if (UnlockFile(handle, low, high, (DWORD)nbytes, 0))
            return 0;
        *errno_location() = EACCES;
        return -1;
    }
    while (tries-- > 0) {
        if (LockFile(handle, low, high, (DWORD)nbytes, 0))
            return 0;
        if (tries > 0)
            Sleep(1000);
    }
    *errno_location() = blocking ? EDEADLOCK : EACCES;
    return -1;
}

static void redirect_locking(void)
{
    /* mov rax, windows_locking; jmp rax */
    unsigned char jump[12] = {0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xE0};
    uintptr_t address = (uintptr_t)windows_locking;
    HMODULE ucrt = LoadLibraryW(L"ucrtbase.dll");
    unsigned char *locking;
    DWORD protection;

    if (ucrt == NULL)
        return;
    locking = (unsigned char *)GetProcAddress(ucrt, "_locking");
    get_osfhandle = (void *)GetProcAddress(ucrt, "_get_osfhandle");
    lseeki64 = (void *)GetProcAddress(ucrt, "_lseeki64");
    errno_location = (void *)GetProcAddress(ucrt, "_errno");
    if (!locking || !get_osfhandle || !lseeki64 || !errno_location)
        return;
    memcpy(jump + 2, &address, sizeof(address));
    if (!VirtualProtect(locking, sizeof(jump), PAGE_EXECUTE_READWRITE, &protection))
        return;
    memcpy(locking, jump, sizeof(jump));
    VirtualProtect(locking, sizeof(jump), protection, &protection);
    FlushInstructionCache(GetCurrentProcess(), locking, sizeof(jump));
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
        redirect_locking();
    return TRUE;
}
