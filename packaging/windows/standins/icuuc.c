/* Test-only stand-in for the Windows system ICU (icuuc.dll), which Wine 8.0 lacks and
 * Qt6Core imports for its text codecs (never shipped). No converter is available: Qt
 * then uses its own UTF-8, UTF-16 and Latin-1 codecs, which is all the program needs. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

static void *unavailable(UErrorCode *status)
{
    if (status != NULL && *status <= 0)
        *status = U_FILE_ACCESS_ERROR;
    return NULL;
}

void *ucnv_open(const char *name, UErrorCode *status) { return unavailable(status); }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{
    return unavailable(status);
}
int32_t ucnv_countAvailable(void) { return 0; }
const char *ucnv_getAvailableName(int32_t index) { return NULL; }
const char *ucnv_getName(const void *converter, UErrorCode *status) { return unavailable(status); }

/* Never reached without a converter; defined so that Qt6Core.dll loads. */
void ucnv_close(void *converter) {}
void ucnv_reset(void *converter) {}
int8_t ucnv_getMaxCharSize(const void *converter) { return 0; }
void ucnv_getToUCallBack(const void *converter, void **action, const void **context) {}
void ucnv_getFromUCallBack(const void *converter, void **action, const void **context) {}
void ucnv_setToUCallBack(void *c, void *a, const void *x, void **o, const void **p, UErrorCode *s)
{
    unavailable(s);
}
void ucnv_setFromUCallBack(void *c, void *a, const void *x, void **o, const void **p, UErrorCode *s)
{
    unavailable(s);
}
void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset,
                           UErrorCode *status)
{
    unavailable(status);
}
void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int32_t offset,
                             UErrorCode *status)
{
    unavailable(status);
}
int32_t ucnv_toUCountPending(const void *converter, UErrorCode *status)
{
    unavailable(status);
    return 0;
}
int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *status)
{
    unavailable(status);
    return 0;
}
void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl,
                    int32_t *o, int8_t flush, UErrorCode *status)
{
    unavailable(status);
}
void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl,
                      int32_t *o, int8_t flush, UErrorCode *status)
{
    unavailable(status);
}
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const void *u, int32_t l,
                                     int32_t cp, int reason, UErrorCode *status) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int32_t l,
                                   int reason, UErrorCode *status) {}
