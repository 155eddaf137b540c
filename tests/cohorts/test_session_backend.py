"""The backend that loads a trainee's session user with their profile (cohorts/backends.py)."""

from django.contrib.auth import authenticate
from django.urls import reverse

from cohorts.backends import TraineeSessionBackend
from cohorts.signin import SESSION_BACKEND


def test_it_loads_the_user_with_their_profile_in_one_query(trainee, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = TraineeSessionBackend().get_user(trainee.user.pk)
        assert user.trainee == trainee


def test_it_loads_a_staff_member_without_a_profile(trainer, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = TraineeSessionBackend().get_user(trainer.pk)
        assert getattr(user, "trainee", None) is None


def test_it_signs_out_a_deactivated_trainee(client, trainee):
    client.force_login(trainee.user, backend=SESSION_BACKEND)
    trainee.user.is_active = False
    trainee.user.save(update_fields=["is_active"])
    response = client.get(reverse("learn_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("trainee_login")


def test_it_signs_nobody_in(trainee):
    assert TraineeSessionBackend().authenticate(None, username=trainee.user.username) is None
    assert authenticate(username=trainee.user.username, password="wrong") is None
