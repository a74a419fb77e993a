# The words a handout prints by itself, in English. Every key is used by
# src/words/mod.rs; a second language is a second file with the same keys.

## Header and document
title = Home exercise programme
document-title = Home exercise programme: { $patient }
label-patient = Patient
label-date = Date
label-clinician = Clinician
label-next-appointment = Next appointment
logo-alt = { $clinic } logo

## Exercise cards
card-start = Start:
card-caution = Take care:
card-tip = Tip:
card-easier = Easier:
card-harder = Harder:
card-note = Your note:
card-also-called = ({ $name })
card-continued = { $title } (continued)
picture-key-start = where you start
picture-key-move = which way to move
picture-key = Light grey shows where you start; the arrow shows which way to move.
dose-label = How much
video-label = Video:
video-alt = QR code: scan it to watch the video at { $url }
picture-alt = Picture of the exercise { $title }

## Doses, in short
dose-sets-reps = { $sets } { $sets ->
    [one] set
   *[other] sets
  } × { $reps } { $reps ->
    [one] rep
   *[other] reps
  }
dose-sets = { $sets } { $sets ->
    [one] set
   *[other] sets
  }
dose-reps = { $reps } { $reps ->
    [one] rep
   *[other] reps
  }
dose-hold = hold { $seconds } { $seconds ->
    [one] second
   *[other] seconds
  }
dose-minutes = { $n } { $n ->
    [one] minute
   *[other] minutes
  }
dose-seconds = { $n } { $n ->
    [one] second
   *[other] seconds
  }
dose-per-day = { $n ->
    [1] once a day
    [2] twice a day
   *[other] { $n } times a day
  }
dose-days-a-week = { $n } { $n ->
    [one] day a week
   *[other] days a week
  }
dose-each-side = each side
dose-separator = {" · "}

## Doses in words, one sentence each
dose-words-count = Do it { $reps ->
    [one] once
   *[other] { $reps } times
  }{ $hold ->
    [0] .
    [one] , holding each for 1 second.
   *[other] , holding each for { $hold } seconds.
  }
dose-words-hold = Hold it for { $hold } { $hold ->
    [one] second
   *[other] seconds
  }.
dose-words-sets = { $sets ->
    [2] Rest, then do it all once more.
   *[other] Rest, then do it all again: { $sets } rounds in all.
  }
dose-words-times = Do it { $sets ->
    [2] twice
   *[other] { $sets } times
  }, with a rest in between.
dose-words-duration = Keep going for { $time }.
dose-words-each-side = Then the other side.
dose-words-per-day = { $n ->
    [1] Once a day
    [2] Twice a day
   *[other] { $n } times a day
  }{ $days ->
    [7] .
   *[other] , on { $days } days a week.
  }
dose-words-days = On { $days } { $days ->
    [one] day
   *[other] days
  } a week.
dose-words-often = { $often }.

## The plan box
plan-heading = Your plan
plan-words = Words on this sheet:
plan-do-same = Do { $n ->
    [one] this exercise
   *[other] all { $n } exercises
  } { $often }.
plan-do-mixed = Do all { $n } exercises. “{ $label }” on each one says how many and how often.
plan-often = { $n ->
    [1] once a day
    [2] twice a day
   *[other] { $n } times a day
  }{ $days ->
    [7] , every day
   *[other] , on { $days } days a week
  }
plan-until-appointment = Keep going until your next appointment on { $date }.
plan-for-weeks = Keep going for the next { $weeks } weeks, or until we see you again.
plan-until-seen = Keep going until we see you again.
plan-ache-text = A mild ache in your muscles that settles within a day is normal.
plan-not-normal = Sharp pain, or pain that does not settle, is not: see “{ $safety }”.
plan-glossary-entry = { $term }: { $meaning }

## Safety box and footer
safety-meaning = These signs mean an exercise may be harming you, or something else needs checking.
safety-normal = A mild ache or tiredness in your muscles that settles within a day is normal: carry on.
safety-emergency = In an emergency, call { $number }.
safety-call = Call us on { $phone }
footer-tel = Tel { $phone }
footer-page = Page { $page } of { $pages }

## Notes and log
notes-heading = Notes from your clinician
log-heading = Exercise log
log-intro = Each day, tick the box of each exercise you did, all of it. Bring this sheet to every appointment.
tracker-heading = Tick when you have done it
tracker-all = All my exercises
tracker-intro-one = Tick the box on each day you have done all your exercises. Bring this sheet to every appointment.
log-week = Week { $week }: { $from } to { $to }
log-exercise = Exercise

## Dates
date-long = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-weekday = { $weekday } { $date }
appointment-at = { $date } at { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
