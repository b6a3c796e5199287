print("survey-pipe")
