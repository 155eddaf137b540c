from cohorts.models import Cohort, Enrolment, TraineeProfile


def test_a_trainer_sees_only_the_cohorts_they_teach(trainer, cohort, other_cohort):
    assert list(Cohort.objects.visible_to(trainer)) == [cohort]


def test_a_coordinator_sees_every_cohort(coordinator, cohort, other_cohort):
    assert set(Cohort.objects.visible_to(coordinator)) == {cohort, other_cohort}


def test_editors_and_trainees_see_no_cohort(editor, trainee, cohort):
    assert not Cohort.objects.visible_to(editor).exists()
    assert not Cohort.objects.visible_to(trainee.user).exists()


def test_a_trainer_sees_only_trainees_of_their_cohorts(trainer, trainee, other_trainee):
    assert list(TraineeProfile.objects.visible_to(trainer)) == [trainee]
    assert list(Enrolment.objects.visible_to(trainer).values_list("trainee", flat=True)) == [
        trainee.pk
    ]


def test_another_trainer_never_sees_the_cohort_or_its_trainees(other_trainer, cohort, trainee):
    assert cohort not in Cohort.objects.visible_to(other_trainer)
    assert trainee not in TraineeProfile.objects.visible_to(other_trainer)


def test_creating_a_trainee_enrols_them_records_consent_and_audits(trainer, cohort, trainee):
    from lms.models import AuditEntry

    assert trainee.enrolments.get().cohort == cohort
    assert trainee.user.check_password("2468")
    assert trainee.user.groups.filter(name="Trainee").exists()
    assert trainee.consents.filter(purpose="data_processing", granted=True).exists()
    assert AuditEntry.objects.filter(
        actor=trainer, action="created", subject_id=str(trainee.pk)
    ).exists()
    assert trainee.username == "rabat01"
