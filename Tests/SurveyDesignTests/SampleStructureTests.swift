import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyDesign
