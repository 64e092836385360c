#ifndef DLTOP_CNCURSESW_SHIM_H
#define DLTOP_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C globals as not concurrency-safe; these accessors read them.
static inline WINDOW *dltop_stdscr(void) { return stdscr; }
static inline int dltop_colors(void) { return COLORS; }
static inline int dltop_color_pairs(void) { return COLOR_PAIRS; }
static inline int dltop_lines(void) { return LINES; }
static inline int dltop_cols(void) { return COLS; }
static inline attr_t dltop_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t dltop_a_bold(void) { return A_BOLD; }
static inline attr_t dltop_a_dim(void) { return A_DIM; }
static inline attr_t dltop_a_reverse(void) { return A_REVERSE; }
static inline attr_t dltop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dltop_a_normal(void) { return A_NORMAL; }
static inline int dltop_key_resize(void) { return KEY_RESIZE; }
#endif
