#!/usr/bin/env bash
# The x key on a fine-tuning run (Hugging Face Trainer, 2 epochs of 1000 logged steps, written by
# transformers): the loss chart draws the per-step curve along epochs, then along steps with the
# axis named under it; wall time is skipped with the reason (trainer_state.json has no times).
source "$(dirname "$0")/lib.sh"

fixture="$(cd "$(dirname "$0")/.." && pwd)/DLTopMonitorTests/Fixtures/ecosystem/huggingface_finetune/out"
cp -r "$fixture" "$WORK/out"
start_tmux 100 30 "$DLTOP" watch "$WORK/out"
check "the watch dashboard shows WATCHING" wait_for '^WATCHING' 30
no_axis_name() { ! screen | grep -q 'x: '; }
send 1
check "the loss chart is zoomed" wait_for '1 loss' 5
check "along epochs the axis goes unnamed" no_axis_name
send x
check "x puts the chart along steps and says so" wait_for 'x axis: step' 5
check "the axis is named under the chart" wait_for 'x: step' 5
check "the step ticks reach 2000" wait_for ' (2000|2k) *│ *$' 5
send x
check "wall time is skipped with the reason" \
  wait_for 'x axis: epoch \(no wall time: trainer_state.json logs no time per entry\)' 5
check "back on epochs the axis name is gone" wait_gone 'x: step' 5
send q
check "q quits with status 0" wait_for 'EXIT=0' 10
finish
