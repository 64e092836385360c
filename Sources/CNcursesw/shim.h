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
static inline int dltop_key_f(int n) { return KEY_F(n); }
static inline int dltop_key_code_yes(void) { return KEY_CODE_YES; }
static inline int dltop_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t dltop_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dltop_button1_clicked(void) { return BUTTON1_CLICKED; }
// newterm on the process's stdout/stdin (C globals Swift 6 cannot read); NULL when TERM is unknown.
static inline SCREEN *dltop_newterm(const char *term) { return newterm(term, stdout, stdin); }
// setcchar with an extended (int) colour pair.
static inline int dltop_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
  return setcchar(cell, text, attrs, 0, &pair);
}
#endif
