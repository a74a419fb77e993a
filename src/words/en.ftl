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
card-tip = Tip:
card-easier = Easier:
card-harder = Harder:
card-note = Your note:
dose-label = DOSE
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

## Safety box and footer
safety-call = Call us on { $phone }
footer-tel = Tel { $phone }
footer-page = Page { $page } of { $pages }

## Notes and log
notes-heading = Notes from your clinician
log-heading = Exercise log
log-intro = Tick a box each day you do the exercise. Bring this sheet to your next appointment.
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
